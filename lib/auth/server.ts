/** The signed-in session as server components see it. */
import { cookies } from "next/headers";
import { connection } from "next/server";
import { authConfig } from "./config";
import { SESSION_COOKIE } from "./constants";
import { authEnabled, verifySession, type Session } from "./session";

export interface AuthView {
  /** A token is configured, so signing in means something. */
  enabled: boolean;
  /** Writes need the admin token. */
  writesProtected: boolean;
  /** Reads need a token. */
  readsProtected: boolean;
  session: Session | null;
}

/**
 * What the current request is signed in as. Always renders per request (`connection()`), which
 * the CSP nonce needs anyway: a prerendered page could not carry this request's nonce.
 */
export async function currentAuth(): Promise<AuthView> {
  await connection();
  const config = authConfig();
  const enabled = authEnabled(config);
  const session = enabled ? verifySession((await cookies()).get(SESSION_COOKIE)?.value, config) : null;
  return { enabled, writesProtected: config.adminToken !== undefined, readsProtected: config.readToken !== undefined, session };
}

/**
 * Tokens and signed sessions, with node:crypto. Secrets are compared in constant time (both
 * sides hashed first, so even their lengths do not leak through timing). A session is a cookie
 * value `v1.<payload>.<signature>`: base64url JSON signed with HMAC-SHA256 under a key derived
 * from the configured tokens, so rotating a token signs everybody out.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export type Role = "admin" | "read";

export interface AuthConfig {
  /** Writes need this token (bearer or a session signed in with it). Undefined: auth is off. */
  adminToken?: string;
  /** Reads need this token or the admin one. Undefined: reads are public. */
  readToken?: string;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
  /** Largest body accepted by POST /api/ingest, in bytes. */
  uploadMaxBytes: number;
}

export interface Session {
  role: Role;
  /** Who signed in, as they gave their name; recorded as the actor of their actions. */
  name: string | null;
  /** The double-submit CSRF token bound to this session. */
  csrf: string;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
}

/** Constant-time equality of two secrets of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb);
}

/** Which role a presented token grants, if any (the admin token also grants reading). */
export function roleForToken(token: string, config: Pick<AuthConfig, "adminToken" | "readToken">): Role | null {
  // Compare against both even after a match, so timing does not tell which one matched.
  const admin = config.adminToken !== undefined && safeEqual(token, config.adminToken);
  const read = config.readToken !== undefined && safeEqual(token, config.readToken);
  return admin ? "admin" : read ? "read" : null;
}

/** True when any token is configured, i.e. sessions can exist. */
export function authEnabled(config: Pick<AuthConfig, "adminToken" | "readToken">): boolean {
  return config.adminToken !== undefined || config.readToken !== undefined;
}

/** The HMAC key: derived from both tokens, so changing either invalidates every session. */
function sessionKey(config: Pick<AuthConfig, "adminToken" | "readToken">): Buffer {
  return createHash("sha256")
    .update("parallax session v1\0")
    .update(config.adminToken ?? "")
    .update("\0")
    .update(config.readToken ?? "")
    .digest();
}

function sign(payload: string, config: Pick<AuthConfig, "adminToken" | "readToken">): string {
  return createHmac("sha256", sessionKey(config)).update(`v1.${payload}`).digest("base64url");
}

export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

const payloadSchema = z.object({
  r: z.enum(["admin", "read"]),
  n: z.string().max(100).nullable(),
  c: z.string().min(16).max(100),
  e: z.number().int(),
});

/** A signed cookie value for a new session. */
export function createSession(
  config: AuthConfig,
  input: { role: Role; name: string | null; now?: number; csrf?: string },
): { value: string; session: Session } {
  const session: Session = {
    role: input.role,
    name: input.name,
    csrf: input.csrf ?? newCsrfToken(),
    expiresAt: (input.now ?? Date.now()) + config.sessionTtlMs,
  };
  const payload = Buffer.from(JSON.stringify({ r: session.role, n: session.name, c: session.csrf, e: session.expiresAt }), "utf8").toString("base64url");
  return { value: `v1.${payload}.${sign(payload, config)}`, session };
}

/**
 * The session a cookie value holds, or null when it is malformed, forged, signed under other
 * tokens, expired, or claims a role whose token is no longer configured.
 */
export function verifySession(value: string | undefined | null, config: AuthConfig, now: number = Date.now()): Session | null {
  if (!value || value.length > 2048 || !authEnabled(config)) return null;
  const parts = value.split(".");
  if (parts.length !== 3 || parts[0] !== "v1") return null;
  const [, payload = "", signature = ""] = parts;
  if (!safeEqual(signature, sign(payload, config))) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return null;
  const p = parsed.data;
  if (p.e <= now) return null;
  if (p.r === "admin" && config.adminToken === undefined) return null;
  return { role: p.r, name: p.n, csrf: p.c, expiresAt: p.e };
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/**
 * The only reader of process.env. Parsed once with zod so a bad setting fails fast with the
 * variable named, instead of surfacing later as a confusing error.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";

/** A shared secret: unset or empty means "off"; when set, long enough not to be guessed. */
const secretToken = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined)
  .refine((v) => v === undefined || v.length >= 16, "use at least 16 characters, e.g. `openssl rand -hex 32`");

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().optional(),
  /** Load the demo corpus on `npm start` when the database is empty (default on). */
  PARALLAX_DEMO: z.enum(["0", "1", "true", "false"]).default("1").transform((v) => v === "1" || v === "true"),
  /** Maximum rows one export may return; a guard against accidental multi-GB downloads. */
  PARALLAX_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).default(2_000_000),
  /** Articles per database transaction during ingest. */
  PARALLAX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Extraction worker threads for ingest; unset: one fewer than the CPU cores (at least 1); 0: none. */
  PARALLAX_WORKERS: z.coerce.number().int().min(0).max(256).optional(),
  /** Log SQL queries (debugging). */
  PARALLAX_LOG_QUERIES: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  /** Writes (ingest, edits, merges) need this token (bearer, or a signed-in session); unset = no auth, loopback only. */
  PARALLAX_ADMIN_TOKEN: secretToken,
  /** Optional: reads (pages and GET APIs) need this token or the admin one. */
  PARALLAX_READ_TOKEN: secretToken,
  /** How long a browser session lasts after signing in. */
  PARALLAX_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  /** Largest upload (one request to POST /api/ingest), in megabytes. */
  PARALLAX_UPLOAD_MAX_MB: z.coerce.number().min(1).max(2048).default(50),
  /** Hosts the fetcher may reach even on loopback or private addresses (comma list; tests, trusted intranet feeds). */
  PARALLAX_FETCH_ALLOW_HOSTS: z.string().default(""),
  /** Largest feed or page one fetch may download, in megabytes. */
  PARALLAX_FETCH_MAX_MB: z.coerce.number().min(0.1).max(200).default(10),
  /** Time limit for one fetch, redirects and body included, in seconds. */
  PARALLAX_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** `npm start` runs the feed scheduler beside the server (0 turns it off; `parallax watch` runs it alone). */
  PARALLAX_WATCH: z.enum(["0", "1", "true", "false"]).default("1").transform((v) => v === "1" || v === "true"),
  /** Connections per process in the PostgreSQL pool (processes × pool must stay under max_connections). */
  PARALLAX_PG_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  /** Attempts per webhook delivery (exponential back-off from 30 s) before it is marked failed. */
  PARALLAX_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/**
 * The settings in `env`, with their defaults. A variable set to the empty string counts as unset
 * (`DATABASE_URL=` in a shell or an env file means "the default", not an invalid URL).
 */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The largest `POST /api/ingest` body, in bytes (`PARALLAX_UPLOAD_MAX_MB`). */
export function uploadMaxBytes(env: Env): number {
  return Math.round(env.PARALLAX_UPLOAD_MAX_MB * 1024 * 1024);
}

/**
 * What the Next.js proxy (proxy.ts) buffers of a request body (`experimental.proxyClientMaxBodySize`):
 * it silently truncates the rest, so it must exceed the upload limit; POST /api/ingest refuses
 * anything over the limit itself.
 */
export function proxyBodyLimitBytes(env: Env): number {
  return uploadMaxBytes(env) + 1024 * 1024;
}

/**
 * The only reader of process.env. Parsed once with zod so a bad setting fails fast with the
 * variable named, instead of surfacing later as a confusing error.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";

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
  /** Log SQL queries (debugging). */
  PARALLAX_LOG_QUERIES: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

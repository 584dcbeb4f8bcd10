import { getEnv, uploadMaxBytes } from "../env";
import type { AuthConfig } from "./session";

/** The authentication settings of this process (PARALLAX_ADMIN_TOKEN, PARALLAX_READ_TOKEN ...). */
export function authConfig(): AuthConfig {
  const env = getEnv();
  return {
    adminToken: env.PARALLAX_ADMIN_TOKEN,
    readToken: env.PARALLAX_READ_TOKEN,
    sessionTtlMs: Math.round(env.PARALLAX_SESSION_HOURS * 3_600_000),
    uploadMaxBytes: uploadMaxBytes(env),
  };
}

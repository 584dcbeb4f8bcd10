/** The fetch policy configured by the environment (lib/env.ts): allowlist, size and time limits. */
import { getEnv } from "../env";
import { DEFAULT_FETCH_POLICY, parseAllowHosts, type FetchPolicy } from "../fetch";

export function fetchPolicyFromEnv(): FetchPolicy {
  const env = getEnv();
  return {
    ...DEFAULT_FETCH_POLICY,
    allowHosts: parseAllowHosts(env.PARALLAX_FETCH_ALLOW_HOSTS),
    maxBytes: Math.round(env.PARALLAX_FETCH_MAX_MB * 1024 * 1024),
    timeoutMs: Math.round(env.PARALLAX_FETCH_TIMEOUT_SECONDS * 1000),
  };
}

/** The webhook retry policy configured by the environment (lib/env.ts). */
import { getEnv } from "../env";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./webhook";

export function retryPolicyFromEnv(): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, maxAttempts: getEnv().PARALLAX_WEBHOOK_MAX_ATTEMPTS };
}

/** Why a fetch did not give a usable answer. Stable codes for programs, messages for people. */
export type FetchErrorCode =
  | "invalid_url"
  | "unsupported_scheme"
  | "credentials_in_url"
  | "refused_address"
  | "dns_failed"
  | "connect_failed"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "bad_redirect"
  | "unexpected_content_type"
  | "http_error"
  | "aborted";

export class FetchError extends Error {
  override readonly name = "FetchError";
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The URL being fetched when it failed (the redirect target for a refused redirect). */
    readonly url: string,
    /** The HTTP status, for `http_error`. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isFetchError(err: unknown): err is FetchError {
  return err instanceof FetchError;
}

/**
 * Security headers. The Content-Security-Policy carries a fresh nonce per request (set by
 * proxy.ts): Next.js reads it from the request's CSP header and puts it on its own scripts, so
 * no script runs without it ('strict-dynamic' lets those scripts load the app's chunks).
 * Styles keep 'unsafe-inline': React renders `style` attributes (charts, bars) that a nonce
 * cannot cover, and CSS cannot run code. No imports: next.config.ts loads this file.
 */

export interface CspOptions {
  nonce: string;
  /** `next dev` needs 'unsafe-eval' for React's error overlays. */
  dev?: boolean;
  /** Over HTTPS, ask the browser to upgrade any stray http:// sub-resource. */
  https?: boolean;
}

/** The CSP of an HTML page. */
export function pageCsp({ nonce, dev = false, https = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, CSV and other API answers are never documents: nothing may run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers for every response (next.config.ts `headers()`). The CSP is set per request by the
 * proxy because of its nonce. Referrer-Policy "same-origin" sends no referrer to the outlets an
 * analyst opens, yet keeps the Origin header on same-origin writes (the CSRF check needs it;
 * "no-referrer" would turn it into "null").
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

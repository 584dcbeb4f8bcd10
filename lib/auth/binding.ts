/**
 * Where `npm start` may listen. Without an admin token every write is unauthenticated, so the
 * server must stay on the loopback interface; with one, any interface is allowed.
 */

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type BindingDecision =
  | { ok: true; hostname: string; notes: string[] }
  | { ok: false; message: string };

/** Decide the listening address from HOSTNAME and whether an admin token is set. */
export function decideBinding(input: { hostname: string | undefined; adminToken: boolean; readToken: boolean }): BindingDecision {
  const hostname = input.hostname?.trim() || "127.0.0.1";
  const loopback = isLoopbackHost(hostname);
  if (!input.adminToken) {
    if (!loopback) {
      return {
        ok: false,
        message:
          `refusing to listen on ${hostname} without PARALLAX_ADMIN_TOKEN: anyone who can reach this machine could ingest, edit and merge. ` +
          "Set a token (e.g. PARALLAX_ADMIN_TOKEN=$(openssl rand -hex 32)) to serve other machines, or unset HOSTNAME to stay on 127.0.0.1.",
      };
    }
    return {
      ok: true,
      hostname,
      notes: [
        `listening on ${hostname} only; writes (ingest, edits, merges) are NOT authenticated: anyone on this machine can make them.`,
        "To require sign-in, set PARALLAX_ADMIN_TOKEN=$(openssl rand -hex 32) (and PARALLAX_READ_TOKEN to protect reading too); then HOSTNAME=0.0.0.0 may serve other machines.",
      ],
    };
  }
  const notes = [
    "writes need the admin token: `Authorization: Bearer <PARALLAX_ADMIN_TOKEN>` for the API, or sign in at /signin in the browser.",
    input.readToken ? "reads need PARALLAX_READ_TOKEN (or the admin token) too." : "reads are public (set PARALLAX_READ_TOKEN to protect them).",
  ];
  if (loopback) notes.push(`listening on ${hostname} only; set HOSTNAME=0.0.0.0 to serve other machines.`);
  else notes.push("serve it behind HTTPS (a reverse proxy) so the token and session cookie are not sent in clear text.");
  return { ok: true, hostname, notes };
}

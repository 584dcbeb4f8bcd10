/**
 * A local HTTP server for tests of live sources: node:http on 127.0.0.1, a random port, routes
 * registered by the test. It never reaches beyond the machine; tests reach it through a host name
 * on the fetcher's allowlist (see `fixtureResolver`), so the address checks stay on for
 * everything else (a redirect to 127.0.0.1 itself is still refused).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface FixtureRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type FixtureHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** A URL on this server under `host` (default 127.0.0.1). */
  url(pathname: string, host?: string): string;
  /** Serve `pathname` with a fixed answer or a handler (replaces an earlier route). */
  route(pathname: string, answer: FixtureResponse | FixtureHandler): void;
  /** Every request received, in order. */
  requests: FixtureRequest[];
  /** Requests for one path. */
  hits(pathname: string): FixtureRequest[];
  close(): Promise<void>;
}

/** Fixture files (feeds, pages) beside lib/fetch, with `{{origin}}` replaced by the server's origin. */
export function fixtureFile(name: string, origin: string): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fetch", "fixtures");
  return fs.readFileSync(path.join(dir, name), "utf8").replaceAll("{{origin}}", origin);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureResponse | FixtureHandler>();
  const requests: FixtureRequest[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://fixture").pathname;
    requests.push({ method: req.method ?? "GET", path: (req.url ?? "/"), headers: req.headers });
    const answer = routes.get(pathname);
    if (!answer) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof answer === "function") {
      Promise.resolve(answer(req, res)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
        else res.destroy();
      });
      return;
    }
    res.writeHead(answer.status ?? 200, answer.headers ?? {}).end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (pathname, host = "127.0.0.1") => `http://${host}:${port}${pathname}`,
    route: (pathname, answer) => void routes.set(pathname, answer),
    requests,
    hits: (pathname) => requests.filter((r) => new URL(r.path, "http://fixture").pathname === pathname),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A resolver for the fetcher policy: `names` map to the given addresses (nothing is looked up),
 * anything else fails like an unknown host. Lets a test name a host that "resolves" to a private
 * address without any DNS, and be sure the fetcher refuses it before connecting.
 */
export function fixtureResolver(names: Record<string, string>) {
  return async (hostname: string) => {
    const address = names[hostname.toLowerCase()];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return [{ address, family: address.includes(":") ? (6 as const) : (4 as const) }];
  };
}

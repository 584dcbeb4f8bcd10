/**
 * The dashboard's production build (`next build`), made when it is missing or older than the
 * sources: `npm start` serves it, and the bench measures it (a stale build would measure old code).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Newest modification time under the given paths (files and directories, recursively). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (p.includes(`${path.sep}generated`)) return;
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Whether `root` has no production build, or one older than a source file. */
function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs"].map((p) => path.join(root, p));
  return newestMtime(sources) > fs.statSync(buildId).mtimeMs;
}

/**
 * Build the dashboard when `needsBuild`, its output on this process's standard output (or its
 * standard error: `toStderr`, when standard output carries results). Returns the failed build's
 * exit code, or null when a current build is there.
 */
export function ensureBuild(root: string, log: (message: string) => void, opts: { toStderr?: boolean } = {}): number | null {
  if (!needsBuild(root)) return null;
  log("building the dashboard (next build)…");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: opts.toStderr ? ["inherit", 2, 2] : "inherit" });
  if (build.status === 0) return null;
  log("next build failed; see the output above");
  return build.status ?? 1;
}

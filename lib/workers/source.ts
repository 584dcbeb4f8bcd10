import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/** The checkout this module was loaded from, when it was loaded from a file (not from a bundle). */
function moduleRoot(): string | null {
  try {
    const url = import.meta.url;
    return url.startsWith("file:") ? path.resolve(path.dirname(fileURLToPath(url)), "..", "..") : null;
  } catch {
    return null;
  }
}

/**
 * Absolute path of a source file of this project (`lib/...`), for starting a worker thread on it:
 * next to this module when it runs from source (CLI, tests), else under the working directory
 * (the Next.js server runs bundled chunks from `.next`, started in the project directory).
 * Null when the file is in neither place.
 */
export function projectFile(relative: string): string | null {
  for (const root of [moduleRoot(), process.cwd()]) {
    if (!root) continue;
    // Runtime paths, not build inputs: without the hints Turbopack traces the whole project.
    const file = path.join(/* turbopackIgnore: true */ root, relative);
    if (fs.existsSync(/* turbopackIgnore: true */ file)) return file;
  }
  return null;
}

/** Its name survives only where the code is not minified. */
class SourceProbe {}

/**
 * Whether this code runs as written (CLI, tests) rather than minified (the Next.js server
 * build). Worker threads always run the sources, so where this is false the calling thread should
 * leave the jobs to them: minification can change behaviour (code that reads class names, as
 * `lib/places/day.ts` does), and one implementation should compute every result. A bundle that
 * keeps names computes like the sources, so this only asks whether names are kept.
 */
export function runningFromSource(): boolean {
  return SourceProbe.name === "SourceProbe";
}

/**
 * A worker thread on the project source `entry` (an absolute path, see `projectFile`), started
 * through `bootstrap` (lib/workers/bootstrap.mjs, which registers the TypeScript loader and
 * imports `workerData.entry`); `data` goes beside the entry in `workerData`. The parent's flags
 * (tsx's loader, --inspect ...) are not meant for workers: none are passed on. `silent`: the
 * worker's stdout and stderr are not piped to the parent's.
 */
export function startSourceWorker(
  bootstrap: string,
  entry: string,
  opts: { name: string; data?: Record<string, unknown>; resourceLimits?: ResourceLimits; silent?: boolean },
): Worker {
  return new Worker(bootstrap, {
    name: opts.name,
    workerData: { ...opts.data, entry: pathToFileURL(entry).href },
    execArgv: [],
    resourceLimits: opts.resourceLimits,
    ...(opts.silent ? { stdout: false, stderr: false } : {}),
  });
}

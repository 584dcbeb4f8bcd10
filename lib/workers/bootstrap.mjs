// Entry of every Parallax worker thread. Worker threads do not inherit the parent's TypeScript
// loader (tsx under the CLI, Vite under Vitest, nothing in the Next.js server build), so each
// worker registers tsx in its own thread and then imports the TypeScript module it was started
// for (`workerData.entry`, a file: URL). Plain JavaScript, so it loads the same way everywhere.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);

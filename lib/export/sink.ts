import { Writable } from "node:stream";
import type { WritableStream as NodeWebWritableStream } from "node:stream/web";

/** Where a writer sends its bytes: a Node stream (file, HTTP response, stdout) or a web stream. */
export type ExportSink = NodeJS.WritableStream | WritableStream<Uint8Array>;

function isWebWritable(out: ExportSink): out is WritableStream<Uint8Array> {
  return typeof (out as WritableStream<Uint8Array>).getWriter === "function";
}

/**
 * The sink as a Node Writable. A web WritableStream is adapted with Writable.fromWeb, which
 * reports back-pressure (write() false, then 'drain') from the web stream's desiredSize.
 */
export function toNodeWritable(out: ExportSink): NodeJS.WritableStream {
  if (!isWebWritable(out)) return out;
  return Writable.fromWeb(out as unknown as NodeWebWritableStream, { decodeStrings: true });
}

/** Resolves once the sink can take more data: yields to the event loop, then waits for 'drain'. */
export async function waitForRoom(sink: NodeJS.WritableStream): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const w = sink as Partial<Writable> & NodeJS.WritableStream;
  if (w.writableNeedDrain && !w.destroyed) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        sink.removeListener("drain", onDrain);
        sink.removeListener("error", done);
        sink.removeListener("close", onDrain);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = () => done();
      sink.once("drain", onDrain);
      sink.once("error", done);
      // A destroyed sink never drains; let the next write surface the error instead of hanging.
      sink.once("close", onDrain);
    });
  }
}

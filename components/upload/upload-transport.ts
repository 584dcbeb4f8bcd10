import { csrfHeaders } from "@/lib/auth/client";
import type { ProgressLine, UploadErrorBody, UploadResult } from "@/lib/schemas/upload";

export type UploadProgress =
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "reading" }
  | { phase: "storing"; done: number; total: number; articles: number; errors: number };

/**
 * Send one file to POST /api/ingest?progress=1 with XMLHttpRequest (fetch cannot report upload
 * progress), then follow the server's NDJSON progress lines as they arrive. Resolves with the
 * result; rejects with an Error carrying the server's message.
 */
export function uploadFile(file: File, onProgress: (p: UploadProgress) => void): { promise: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    let consumed = 0;
    let result: UploadResult | null = null;
    let failure: string | null = null;
    let articles = 0;
    let errors = 0;

    const readLines = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let nl = text.indexOf("\n", consumed);
      while (nl >= 0) {
        const line = text.slice(consumed, nl).trim();
        consumed = nl + 1;
        nl = text.indexOf("\n", consumed);
        if (!line) continue;
        let msg: ProgressLine;
        try {
          msg = JSON.parse(line) as ProgressLine;
        } catch {
          continue;
        }
        if (msg.type === "parsed") {
          articles = msg.articles;
          errors = msg.errors;
          onProgress({ phase: "storing", done: 0, total: msg.articles, articles, errors });
        } else if (msg.type === "progress") {
          onProgress({ phase: "storing", done: msg.done, total: msg.total, articles, errors });
        } else if (msg.type === "result") {
          result = msg.result;
        } else {
          failure = msg.message;
        }
      }
    };

    xhr.open("POST", "/api/ingest?progress=1");
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => onProgress({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress({ phase: "reading" });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: UploadErrorBody | null = null;
        try {
          body = JSON.parse(xhr.responseText) as UploadErrorBody;
        } catch {
          body = null;
        }
        reject(new Error(body?.message ?? `The server answered ${xhr.status}.`));
        return;
      }
      readLines();
      if (result) resolve(result);
      else reject(new Error(failure ?? "The server ended the answer without a result. Check the Ingest runs below, then try again."));
    };
    xhr.onerror = () => reject(new Error("Could not reach the server. Check the connection and try again."));
    xhr.onabort = () => reject(new Error("Upload cancelled."));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useId, useRef, useState, useTransition, type DragEvent } from "react";
import type { UploadResult } from "@/lib/schemas/upload";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { uploadFile, type UploadProgress } from "./upload-transport";
import { UploadResults } from "./upload-results";

export const UPLOAD_ACCEPT = ".txt,.md,.markdown,.html,.htm,.xhtml,.ndjson,.jsonl,.json,.csv,.tsv,.zip";

type Entry = {
  id: number;
  file: File;
  state: "queued" | "active" | "done" | "error";
  progress: UploadProgress | null;
  result: UploadResult | null;
  error: string | null;
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The bar's value (0–100) and words for one file. */
function describe(e: Entry): { value: number; text: string } {
  if (e.state === "queued") return { value: 0, text: "Waiting" };
  if (e.state === "error") return { value: 100, text: "Failed" };
  if (e.state === "done" && e.result) {
    const r = e.result;
    return { value: 100, text: `Done: ${r.added} added, ${r.duplicates} duplicate, ${r.failed} failed` };
  }
  const p = e.progress;
  if (!p || p.phase === "uploading") {
    const pct = p && p.total > 0 ? Math.round((p.loaded / p.total) * 100) : 0;
    return { value: pct, text: `Uploading: ${pct}%` };
  }
  if (p.phase === "reading") return { value: 100, text: "Reading the file…" };
  const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 100;
  return { value: pct, text: `Storing: ${p.done} of ${p.total} articles` };
}

function ProgressRow({ entry }: { entry: Entry }) {
  const { value, text } = describe(entry);
  const tone = entry.state === "error" ? "bg-red-600" : entry.state === "done" ? (entry.result?.failed ? "bg-amber-500" : "bg-emerald-600") : "bg-blue-600";
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium break-all text-neutral-900">{entry.file.name}</span>
        <span className="text-xs text-neutral-600 tabular-nums">
          {formatSize(entry.file.size)} · {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`${entry.file.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-neutral-200"
      >
        <div className={cn("h-full rounded-full transition-[width] duration-200", tone)} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

/**
 * Upload files from the browser: drop them on the zone or choose them (keyboard: the "Choose
 * files" control). Each file is sent on its own, one after another, and becomes one ingest run;
 * its row shows upload progress, then the server's storing progress, then every item's fate.
 */
export function UploadPanel({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(1);
  const busy = useRef(false);
  const [, startTransition] = useTransition();

  const queue = useRef<Entry[]>([]);

  const update = useCallback((id: number, patch: Partial<Entry>) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }, []);

  // One upload at a time, oldest first: the server ingests sequentially anyway.
  const drain = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const id = next.id;
        update(id, { state: "active" });
        try {
          const result = await uploadFile(next.file, (progress) => update(id, { progress })).promise;
          update(id, { state: "done", result });
        } catch (err) {
          update(id, { state: "error", error: err instanceof Error ? err.message : String(err) });
        }
        // The new run appears in the table below.
        startTransition(() => router.refresh());
      }
    } finally {
      busy.current = false;
    }
  }, [update, router]);

  const add = useCallback(
    (files: FileList | File[] | null) => {
      if (!files) return;
      const fresh: Entry[] = [...files].map((file) => {
        const tooBig = file.size > maxBytes;
        return {
          id: nextId.current++,
          file,
          state: tooBig ? "error" : "queued",
          progress: null,
          result: null,
          error: tooBig ? `This file is ${formatSize(file.size)}; the limit is ${formatSize(maxBytes)}. Split it, or zip it if it is text.` : null,
        };
      });
      queue.current.push(...fresh.filter((e) => e.state === "queued"));
      setEntries((list) => [...[...fresh].reverse(), ...list]);
      void drain();
    },
    [maxBytes, drain],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <div className="space-y-4">
      <div
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center",
          dragging ? "border-blue-600 bg-blue-50" : "border-neutral-300 bg-neutral-50",
        )}
        data-testid="upload-dropzone"
      >
        <p className="text-sm font-medium text-neutral-900">Drop files here</p>
        <p className="text-xs text-neutral-600">or</p>
        <div>
          <input
            id={inputId}
            type="file"
            multiple
            accept={UPLOAD_ACCEPT}
            aria-describedby={hintId}
            className="peer sr-only"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
          <label
            htmlFor={inputId}
            className="inline-flex h-9 cursor-pointer items-center rounded-md border border-blue-700 bg-blue-700 px-3.5 text-sm font-medium text-white hover:bg-blue-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600"
          >
            Choose files
          </label>
        </div>
        <p id={hintId} className="max-w-prose text-xs text-neutral-600">
          Saved articles as text or Markdown, HTML pages, NDJSON, JSON or CSV records, or zip archives of those; up to {formatSize(maxBytes)} per file.
          Each file becomes one ingest run.
        </p>
      </div>

      {entries.length ? (
        <section aria-label="Uploads" className="space-y-3">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-semibold text-neutral-900">Uploads</h3>
            {entries.every((e) => e.state === "done" || e.state === "error") ? (
              <Button size="sm" variant="ghost" onClick={() => setEntries([])}>
                Clear
              </Button>
            ) : null}
          </div>
          <ul className="space-y-4">
            {entries.map((e) => (
              <li key={e.id} className="space-y-2 rounded-md border border-neutral-200 p-3" aria-label={`Upload of ${e.file.name}`}>
                <ProgressRow entry={e} />
                {e.state === "error" ? (
                  <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                    <Badge tone="danger" className="mr-2">
                      not ingested
                    </Badge>
                    {e.error}
                  </p>
                ) : null}
                {e.result ? <UploadResults result={e.result} fileName={e.file.name} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

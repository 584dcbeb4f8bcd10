"use client";

import Link from "next/link";
import { useState } from "react";
import type { ItemStatus, UploadResult } from "@/lib/schemas/upload";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const TONE: Record<ItemStatus, BadgeTone> = { added: "success", duplicate: "muted", failed: "danger" };
const PAGE = 200;

/** What happened to every item of one upload: added, duplicate, or failed with the reason. */
export function UploadResults({ result, fileName }: { result: UploadResult; fileName: string }) {
  const [shown, setShown] = useState(PAGE);
  const rows = result.items.slice(0, shown);
  return (
    <div className="space-y-2">
      <p className="text-sm text-neutral-800">
        <span className="font-medium">{result.added}</span> added, <span className="font-medium">{result.duplicates}</span>{" "}
        {result.duplicates === 1 ? "duplicate" : "duplicates"},{" "}
        <span className={result.failed ? "font-semibold text-red-700" : "font-medium"}>{result.failed}</span> failed · recorded as run #
        {result.runId}
      </p>
      {result.items.length ? (
        <div className="max-h-96 overflow-auto rounded-md border border-neutral-200">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Items of {fileName}</caption>
            <thead className="sticky top-0 bg-neutral-50">
              <tr className="border-b border-neutral-200 text-left text-xs font-semibold tracking-wide text-neutral-600 uppercase">
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Item
                </th>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className="border-b border-neutral-100 align-top last:border-b-0">
                  <td className="px-3 py-1.5">
                    <Badge tone={TONE[r.status]}>{r.status}</Badge>
                  </td>
                  <td className="px-3 py-1.5">
                    {r.status === "added" && r.articleId ? (
                      <Link href={`/articles/${r.articleId}`} className="break-all text-blue-800 hover:underline">
                        {r.title ?? r.item}
                      </Link>
                    ) : (
                      <span className="font-mono text-xs break-all text-neutral-800">{r.item}</span>
                    )}
                    {r.file && r.file !== fileName ? <span className="block text-xs text-neutral-500">from {r.file}</span> : null}
                  </td>
                  <td className={r.status === "failed" ? "px-3 py-1.5 text-red-800" : "px-3 py-1.5 text-neutral-600"}>{r.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.items.length > shown ? (
        <Button size="sm" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, result.items.length - shown)} more of {result.items.length - shown}
        </Button>
      ) : null}
      {result.itemsOmitted ? (
        <p className="text-xs text-neutral-500">
          {result.itemsOmitted} more items are not listed here; the counts above include them and the run keeps every error.
        </p>
      ) : null}
    </div>
  );
}

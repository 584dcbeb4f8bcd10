"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { csrfHeaders } from "@/lib/auth/client";
import { OUTLET_KINDS, type OutletRegistryItem } from "@/lib/schemas/outlets";
import { Button } from "@/components/ui/button";
import { Input, Label, NativeSelect } from "@/components/ui/input";

export interface OutletOption {
  key: string;
  name: string;
  articleCount: number;
}

interface Conflict {
  message: string;
  outlet: OutletOption | null;
}

/** A saved edit ({outlet, merged, articlesMoved}) or an error ({field, message}; a domain conflict adds the other outlet). */
interface EditResponse {
  outlet?: unknown;
  merged?: OutletOption[];
  articlesMoved?: number;
  message?: string;
  field?: string;
}

const KIND_LABEL: Record<string, string> = {
  wire: "Wire agency",
  state: "State media",
  public: "Public broadcaster",
  independent: "Independent",
  unknown: "Unknown",
};

const textArea =
  "min-h-20 w-full rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 font-mono text-sm text-neutral-900 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-600";

/**
 * The outlet editor: a modal dialog (native <dialog>: focus stays inside, Escape closes, focus
 * returns to the Edit button). Saving PATCHes /api/outlets/:id; a domain that belongs to another
 * outlet comes back as a conflict with an offer to merge that outlet in.
 */
export function OutletEditor({
  outlet,
  options,
  onClose,
  onSaved,
}: {
  outlet: OutletRegistryItem;
  options: OutletOption[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [name, setName] = useState(outlet.name);
  const [kind, setKind] = useState(outlet.kind);
  const [domains, setDomains] = useState(outlet.domains.join("\n"));
  const [country, setCountry] = useState(outlet.country ?? "");
  const [language, setLanguage] = useState(outlet.language ?? "");
  const [merge, setMerge] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const others = options.filter((o) => o.key !== outlet.key && !merge.includes(o.key));
  const nameOf = (key: string) => options.find((o) => o.key === key)?.name ?? key;

  async function save(mergeKeys: string[]) {
    setPending(true);
    setError(null);
    setConflict(null);
    const body = {
      name,
      kind,
      domains: domains
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      country: country.trim() || null,
      language: language.trim() || null,
      ...(mergeKeys.length ? { merge: mergeKeys } : {}),
    };
    try {
      const res = await fetch(`/api/outlets/${outlet.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", ...csrfHeaders() },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => null)) as EditResponse | null;
      if (res.status === 409 && json?.field === "domains" && json.outlet && typeof json.outlet === "object" && "key" in json.outlet) {
        setConflict({ message: json.message ?? "A domain belongs to another outlet.", outlet: json.outlet as OutletOption });
        return;
      }
      if (!res.ok || !json) {
        setError({ field: json?.field ?? null, message: json?.message ?? `The server answered ${res.status}.` });
        return;
      }
      const merged = json.merged ?? [];
      const moved = json.articlesMoved ?? 0;
      onSaved(
        merged.length
          ? `Saved ${name}: merged ${merged.map((m) => m.name).join(", ")} into it (${moved} ${moved === 1 ? "article" : "articles"} moved).`
          : `Saved ${name}.`,
      );
      startTransition(() => router.refresh());
      onClose();
    } catch {
      setError({ field: null, message: "Could not reach the server. Check the connection and try again." });
    } finally {
      setPending(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(merge);
  }

  const invalid = (field: string) => (error?.field === field ? true : undefined);
  const errorId = `${ids}-error`;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-neutral-200 p-0 shadow-xl backdrop:bg-neutral-900/40"
    >
      <form onSubmit={onSubmit} className="space-y-4 p-5" noValidate>
        <div>
          <h2 id={`${ids}-title`} className="text-lg font-semibold text-neutral-950">
            Edit {outlet.name}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">
            Key <code className="font-mono">{outlet.key}</code> · {outlet.articleCount} articles. Ingest keeps what you set here.
          </p>
        </div>

        {error ? (
          <p id={errorId} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error.message}
          </p>
        ) : null}
        {conflict ? (
          <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p>{conflict.message}</p>
            {conflict.outlet ? (
              <Button
                variant="primary"
                size="sm"
                disabled={pending}
                onClick={() => {
                  const next = [...new Set([...merge, conflict.outlet!.key])];
                  setMerge(next);
                  void save(next);
                }}
              >
                Merge {conflict.outlet.name} into this outlet and save
              </Button>
            ) : null}
          </div>
        ) : null}

        <div className="grid gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-1 sm:col-span-2">
            <Label htmlFor={`${ids}-name`}>Name</Label>
            <Input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} aria-invalid={invalid("name")} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${ids}-kind`}>Kind</Label>
            <NativeSelect id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} aria-invalid={invalid("kind")}>
              {OUTLET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${ids}-country`}>Country</Label>
              <Input
                id={`${ids}-country`}
                value={country}
                onChange={(e) => setCountry(e.target.value)}
                maxLength={2}
                placeholder="FR"
                aria-describedby={`${ids}-codes`}
                aria-invalid={invalid("country")}
              />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${ids}-language`}>Language</Label>
              <Input
                id={`${ids}-language`}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                maxLength={2}
                placeholder="fr"
                aria-describedby={`${ids}-codes`}
                aria-invalid={invalid("language")}
              />
            </div>
            <p id={`${ids}-codes`} className="col-span-2 text-xs text-neutral-500">
              Two-letter codes (ISO 3166, ISO 639-1); empty for unknown.
            </p>
          </div>
          <div className="flex flex-col gap-1 sm:col-span-2">
            <Label htmlFor={`${ids}-domains`}>Domains, one per line</Label>
            <textarea
              id={`${ids}-domains`}
              className={textArea}
              value={domains}
              onChange={(e) => setDomains(e.target.value)}
              aria-describedby={`${ids}-domains-hint`}
              aria-invalid={invalid("domains") ?? (conflict ? true : undefined)}
            />
            <p id={`${ids}-domains-hint`} className="text-xs text-neutral-500">
              The first is the main domain. Articles from any of them, now and later, are this outlet&apos;s. Adding another outlet&apos;s
              domain offers to merge it.
            </p>
          </div>
          <div className="flex flex-col gap-1 sm:col-span-2">
            <Label htmlFor={`${ids}-merge`}>Merge another outlet into this one</Label>
            <NativeSelect
              id={`${ids}-merge`}
              value=""
              onChange={(e) => {
                if (e.target.value) setMerge([...merge, e.target.value]);
              }}
              aria-describedby={`${ids}-merge-hint`}
            >
              <option value="">Choose an outlet…</option>
              {others.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name} ({o.key}, {o.articleCount} articles)
                </option>
              ))}
            </NativeSelect>
            <p id={`${ids}-merge-hint`} className="text-xs text-neutral-500">
              Its articles, domains and key move here and it is removed, in one step, when you save.
            </p>
            {merge.length ? (
              <ul className="flex flex-wrap gap-1.5" aria-label="Outlets to merge">
                {merge.map((k) => (
                  <li key={k} className="inline-flex items-center gap-1 rounded bg-blue-50 py-0.5 pr-0.5 pl-2 text-xs text-blue-900 ring-1 ring-blue-200">
                    {nameOf(k)}
                    <button
                      type="button"
                      className="rounded px-1 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                      aria-label={`Do not merge ${nameOf(k)}`}
                      onClick={() => setMerge(merge.filter((m) => m !== k))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>

        <div className="flex justify-end gap-2 border-t border-neutral-200 pt-4">
          <Button variant="ghost" onClick={() => dialogRef.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending} aria-describedby={error ? errorId : undefined}>
            {pending ? "Saving…" : merge.length ? `Save and merge ${merge.length}` : "Save"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

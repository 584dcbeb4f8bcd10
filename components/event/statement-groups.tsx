import Link from "next/link";
import { describeDiff, type DiffOp } from "@/lib/statements/diff";
import type { StatementGroupFilters, StatementGroupItem, StatementGroupMember, StatementGroups } from "@/lib/statements/types";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/components/format";
import { LanguageBadge, languagesOf } from "./language-badge";

const SHOWN_GROUPS = 6;
const SHOWN_MEMBERS = 4;
const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "XLSX" },
  { format: "json", label: "JSON" },
] as const;

/** The event page's filters as query parameters (after `first`, e.g. the export's format). */
export function statementGroupParams(f: StatementGroupFilters, first: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams(first);
  if (f.q) params.set("q", f.q);
  for (const o of f.outlet) params.append("outlet", o);
  for (const l of f.language) params.append("language", l);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  return params;
}

/** `/api/events/<id>/<part>?<first>&<the page's filters>`: what the event page loads or exports from the browser. */
export function eventApiUrl(eventId: string, part: string, f: StatementGroupFilters, first: Record<string, string> = {}): string {
  const query = statementGroupParams(f, first).toString();
  return `/api/events/${encodeURIComponent(eventId)}/${part}${query ? `?${query}` : ""}`;
}

/** `/api/events/<id>/statement-groups?format=…&<the page's filters>`. */
export function statementGroupsExportUrl(eventId: string, format: string, f: StatementGroupFilters): string {
  return eventApiUrl(eventId, "statement-groups", f, { format });
}

function ExportLinks({ eventId, filters }: { eventId: string; filters: StatementGroupFilters }) {
  return (
    <div role="group" aria-label="Export statement groups" className="flex items-center gap-1">
      <span className="mr-1 text-xs font-medium text-neutral-600" aria-hidden="true">
        Export groups
      </span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={statementGroupsExportUrl(eventId, format, filters)}
          download
          aria-label={`Export statement groups ${label}`}
          title={`Export statement groups ${label}`}
          className={buttonClasses("outline", "sm", "h-7 px-2 text-xs")}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 text-neutral-500">
            <path d="M8 2v8m0 0 3-3m-3 3L5 7M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {label}
        </a>
      ))}
    </div>
  );
}

const DEL = "rounded-sm bg-red-50 px-0.5 text-red-900 line-through decoration-red-700 decoration-2";
const INS = "rounded-sm bg-emerald-50 px-0.5 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-2";
const MARK = "rounded-sm bg-amber-100 px-0.5 text-neutral-950 ring-1 ring-amber-500 ring-inset";

function Legend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-neutral-600" aria-label="How wordings are compared">
      <span>Each wording is compared word by word with the longest version:</span>
      <span>
        <del className={DEL}>struck through</del> omitted
      </span>
      <span>
        <mark className={MARK}>boxed</mark> changed (hover for the original)
      </span>
      <span>
        <ins className={INS}>underlined</ins> added
      </span>
    </p>
  );
}

/** A variant's wording with its differences from the reference marked inline. */
function DiffText({ ops }: { ops: DiffOp[] }) {
  return (
    <>
      {ops.map((o, i) => {
        const sep = i > 0 ? " " : "";
        switch (o.op) {
          case "equal":
            return <span key={i}>{sep + o.text}</span>;
          case "omitted":
            return (
              <span key={i}>
                {sep}
                <del className={DEL} title="omitted by this outlet">
                  <span className="sr-only">[omitted: </span>
                  {o.text}
                  <span className="sr-only">]</span>
                </del>
              </span>
            );
          case "added":
            return (
              <span key={i}>
                {sep}
                <ins className={INS} title="added by this outlet">
                  <span className="sr-only">[added: </span>
                  {o.text}
                  <span className="sr-only">]</span>
                </ins>
              </span>
            );
          case "changed":
            return (
              <span key={i}>
                {sep}
                <mark className={MARK} title={`changed from “${o.from}”`}>
                  <span className="sr-only">[changed from “{o.from}” to: </span>
                  {o.text}
                  <span className="sr-only">]</span>
                </mark>
              </span>
            );
        }
      })}
    </>
  );
}

function MemberRow({ m, mixed }: { m: StatementGroupMember; mixed: boolean }) {
  return (
    <li className="grid gap-1 border-t border-neutral-100 py-2 first:border-t-0 sm:grid-cols-[11rem_1fr]">
      <div className="text-xs">
        <p className="font-semibold text-neutral-800">{m.outlet.name}</p>
        <p className="mt-0.5 flex flex-wrap gap-1">
          {m.isReference ? <Badge tone="accent">longest version</Badge> : null}
          {!m.direct ? <Badge tone="muted">reported speech</Badge> : null}
          {m.isCopy ? <Badge tone="muted">copy</Badge> : null}
          {mixed ? <LanguageBadge code={m.language} /> : null}
        </p>
      </div>
      <div className="min-w-0">
        <blockquote lang={m.language ?? undefined} className={m.direct ? "text-sm leading-relaxed text-neutral-900" : "text-sm leading-relaxed text-neutral-700 italic"}>
          {m.isReference ? m.wording : <DiffText ops={m.ops} />}
        </blockquote>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-neutral-600">
          {m.isReference ? null : <span>{describeDiff(m.summary)}</span>}
          <span>{m.speaker ? <>as said by {m.speaker}</> : "no speaker named"}</span>
          <Link href={m.href} className="text-blue-800 underline decoration-blue-300 hover:decoration-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600">
            evidence{m.publishedAt ? `, ${formatDay(m.publishedAt)}` : ""}
            <span className="sr-only">: {m.outlet.name}, “{m.articleTitle}”</span>
          </Link>
        </p>
      </div>
    </li>
  );
}

function GroupBlock({ g }: { g: StatementGroupItem }) {
  const mixed = languagesOf(g.members).length > 1;
  const headingId = `statement-group-${g.id}`;
  const speakers = g.attributions.filter((a) => a.speaker !== null).map((a) => a.speaker);
  const shown = g.members.slice(0, SHOWN_MEMBERS);
  const rest = g.members.slice(SHOWN_MEMBERS);
  return (
    <article aria-labelledby={headingId} className="rounded-md border border-neutral-200 p-3" data-statement-group={g.id}>
      <header className="flex flex-wrap items-baseline gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-neutral-900">
          {speakers.length ? speakers.join(" / ") : "Unattributed statement"}
        </h3>
        <span className="text-xs text-neutral-500">
          {g.outletCount} {g.outletCount === 1 ? "outlet" : "outlets"}, {g.members.length} {g.members.length === 1 ? "wording" : "wordings"}
        </span>
        {g.speakerConflict ? <Badge tone="warning">speaker differs</Badge> : null}
        {!g.differs ? <Badge tone="muted">same words everywhere</Badge> : null}
      </header>
      {g.speakerConflict ? (
        <p role="note" className="mt-1.5 rounded-md border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-sm text-amber-950">
          <span className="font-medium">Speaker differs between outlets:</span> {lowerFirst(g.attributionText)}.
        </p>
      ) : null}
      <ul className="mt-2" aria-label="Wording by outlet">
        {shown.map((m) => (
          <MemberRow key={m.statementId} m={m} mixed={mixed} />
        ))}
      </ul>
      {rest.length ? (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-blue-800 hover:underline">
            {rest.length} more {rest.length === 1 ? "wording" : "wordings"}
          </summary>
          <ul aria-label="More wordings by outlet">
            {rest.map((m) => (
              <MemberRow key={m.statementId} m={m} mixed={mixed} />
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * Quote variants: each statement reported more than once, shown once with every outlet's
 * wording diffed against the longest version, and a flag when outlets name different speakers.
 * The event page loads `result` on demand (QuoteVariants); the markup needs no client state.
 */
export function StatementGroupsSection({ result }: { result: StatementGroups }) {
  const multi = result.groups.filter((g) => g.members.length > 1);
  const singles = result.groups.length - multi.length;
  const conflicts = multi.filter((g) => g.speakerConflict).length;
  const shown = multi.slice(0, SHOWN_GROUPS);
  const rest = multi.slice(SHOWN_GROUPS);
  return (
    <section aria-labelledby="quote-variants">
      <Card>
        <CardHeader
          id="quote-variants"
          title="Quote variants"
          description={
            multi.length
              ? `${multi.length} ${multi.length === 1 ? "statement" : "statements"} reported more than once${
                  conflicts ? `, ${conflicts} attributed to different speakers` : ""
                }. Each is shown once, with every outlet's wording.`
              : "The same statement as each outlet worded it."
          }
          actions={result.statementCount ? <ExportLinks eventId={result.eventId} filters={result.filters} /> : null}
        />
        <CardBody className="space-y-3">
          {result.truncated ? (
            <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              This event has more statements than can be compared at once; the first {result.statementCount.toLocaleString("en")} were
              grouped. Narrow it with the outlet, language, date or text filters.
            </p>
          ) : null}
          {multi.length === 0 ? (
            <EmptyState
              title={result.statementCount ? "No statement reported more than once" : "No statements in this selection"}
              description={
                result.statementCount
                  ? "Quote variants appear when two articles in this selection carry the same statement, in full, shortened, paraphrased or attributed to someone else. Clear the filters to compare more outlets."
                  : "No article in this selection quotes anyone the extractor could find."
              }
            />
          ) : (
            <>
              <Legend />
              <div className="space-y-3">
                {shown.map((g) => (
                  <GroupBlock key={g.id} g={g} />
                ))}
              </div>
              {rest.length ? (
                <details className="border-t border-neutral-200 pt-3">
                  <summary className="cursor-pointer text-sm font-medium text-blue-800 hover:underline">
                    Show {rest.length} more statement {rest.length === 1 ? "group" : "groups"}
                  </summary>
                  <div className="mt-3 space-y-3">
                    {rest.map((g) => (
                      <GroupBlock key={g.id} g={g} />
                    ))}
                  </div>
                </details>
              ) : null}
            </>
          )}
          {singles > 0 && multi.length > 0 ? (
            <p className="text-xs text-neutral-500">
              {singles} other {singles === 1 ? "statement appears" : "statements appear"} in one article only (see Statements by speaker; all are in
              the export).
            </p>
          ) : null}
        </CardBody>
      </Card>
    </section>
  );
}

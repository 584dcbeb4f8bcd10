import { getDatabase, type Database, type Prisma } from "../db";
import type { ExportColumn } from "../export";
import { describeAttributions, describeDiff, groupStatements, speakerLabel, wordDiff, type GroupableStatement } from "../statements";
import type { StatementGroupFilters, StatementGroupItem, StatementGroupMember, StatementGroups } from "../statements/types";
import { statementSelect } from "./select";
import { eventArticleIds } from "./event-detail";
import { MAX_PRISMA_IDS } from "./where";

/**
 * Statements grouped per event at most. Events hold a few hundred statements; grouping is
 * near-linear with its inverted index, so this only guards against a pathological event (an
 * analyst merging thousands of articles into one), where the page says the list is cut.
 */
export const STATEMENT_GROUP_LIMIT = 5000;

/** Article ids per statement query (Prisma's bound-parameter limit on SQLite). */
const ID_CHUNK = MAX_PRISMA_IDS;

const statementRowSelect = {
  ...statementSelect,
  article: {
    select: {
      id: true,
      title: true,
      url: true,
      publishedAt: true,
      language: true,
      syndicatedFromId: true,
      outlet: { select: { key: true, name: true } },
    },
  },
} satisfies Prisma.StatementSelect;

type Row = Prisma.StatementGetPayload<{ select: typeof statementRowSelect }>;
type Groupable = GroupableStatement & { row: Row };

/**
 * The statement groups of one event (see lib/statements: the same statement as each outlet worded
 * it, with speakers compared and a word-level diff against the longest version), or null when
 * the event does not exist. `f` narrows the event's articles as on the event page; groups are
 * formed among the statements of the matching articles only.
 */
export async function getStatementGroups(
  eventId: string,
  f: StatementGroupFilters,
  database: Database = getDatabase(),
): Promise<StatementGroups | null> {
  const { db } = database;
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true } });
  if (!event) return null;
  // The matching articles first, through the event's membership index: a Prisma relation filter
  // on the statements (`article: { membership: ... }`) made SQLite scan the corpus. Article ids
  // are "a_" + hex digits (lib/pipeline/ingest.ts), which sort alike in JavaScript and in either
  // database's collation, so the chunks (events over MAX_PRISMA_IDS articles) come back in one order.
  const ids = (await eventArticleIds(database, eventId, f)).sort();
  const rows: Row[] = [];
  for (let i = 0; i < ids.length && rows.length <= STATEMENT_GROUP_LIMIT; i += ID_CHUNK) {
    const chunk = await db.statement.findMany({
      where: { articleId: { in: ids.slice(i, i + ID_CHUNK) } },
      orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }],
      take: STATEMENT_GROUP_LIMIT + 1 - rows.length,
      select: statementRowSelect,
    });
    rows.push(...chunk);
  }
  const truncated = rows.length > STATEMENT_GROUP_LIMIT;
  const items: Groupable[] = rows.slice(0, STATEMENT_GROUP_LIMIT).map((row) => ({
    id: row.id,
    articleId: row.articleId,
    outletKey: row.article.outlet.key,
    text: row.text,
    direct: row.direct,
    speaker: row.speaker,
    speakerMention: row.speakerMention,
    affiliation: row.affiliation,
    row,
  }));

  const groups: StatementGroupItem[] = groupStatements(items).map((g) => {
    const referenceWording = g.wording.get(g.reference.id) ?? g.reference.text;
    const members: StatementGroupMember[] = g.members.map((m) => {
      const wording = g.wording.get(m.id) ?? m.text;
      const a = m.row.article;
      const { ops, summary } = wordDiff(referenceWording, wording);
      return {
        statementId: m.row.id,
        articleId: a.id,
        articleTitle: a.title,
        articleUrl: a.url,
        publishedAt: a.publishedAt?.toISOString() ?? null,
        language: a.language,
        outlet: a.outlet,
        isCopy: a.syndicatedFromId !== null,
        speaker: speakerLabel(m),
        direct: m.direct,
        text: m.text,
        start: m.row.start,
        end: m.row.end,
        wording,
        isReference: m === g.reference,
        ops,
        summary,
        href: `/articles/${encodeURIComponent(a.id)}#statement-${m.row.id}`,
      };
    });
    const [ref, ...rest] = members;
    rest.sort(
      (x, y) =>
        x.outlet.name.localeCompare(y.outlet.name) ||
        (x.publishedAt ?? "\uffff").localeCompare(y.publishedAt ?? "\uffff") ||
        x.statementId - y.statementId,
    );
    return {
      id: g.id,
      referenceStatementId: g.reference.row.id,
      referenceWording,
      attributions: g.attributions.map((at) => ({
        speaker: at.speaker,
        outlets: uniqueOutlets(at.members.map((m) => m.row.article.outlet)),
        statementIds: at.members.map((m) => m.row.id),
      })),
      speakerConflict: g.speakerConflict,
      attributionText: describeAttributions(g.attributions, (m) => m.row.article.outlet.name),
      outletCount: g.outletCount,
      differs: members.some((m) => !m.summary.identical),
      members: ref ? [ref, ...rest] : rest,
    };
  });

  groups.sort(
    (x, y) =>
      Number(y.speakerConflict) - Number(x.speakerConflict) ||
      Number(y.members.length > 1) - Number(x.members.length > 1) ||
      Number(y.differs) - Number(x.differs) ||
      y.outletCount - x.outletCount ||
      y.members.length - x.members.length ||
      x.referenceStatementId - y.referenceStatementId,
  );

  const filters = { q: f.q, outlet: f.outlet, language: f.language, from: f.from, to: f.to };
  return { eventId: event.id, eventTitle: event.title, filters, statementCount: items.length, truncated, groups };
}

function uniqueOutlets(list: { key: string; name: string }[]): { key: string; name: string }[] {
  const seen = new Map<string, { key: string; name: string }>();
  for (const o of list) if (!seen.has(o.key)) seen.set(o.key, { key: o.key, name: o.name });
  return [...seen.values()];
}

/** One export row: a group × one outlet's wording (× article, when an outlet carried the statement twice). */
export interface StatementGroupExportRow {
  event: { id: string; title: string };
  group: StatementGroupItem;
  member: StatementGroupMember;
}

/** The rows of the statement-groups export, groups in page order, the reference first in each. */
export function* statementGroupExportRows(result: StatementGroups): Generator<StatementGroupExportRow> {
  const event = { id: result.eventId, title: result.eventTitle };
  for (const group of result.groups) for (const member of group.members) yield { event, group, member };
}

const speakersText = (g: StatementGroupItem) =>
  g.attributions.map((a) => `${a.speaker ?? "(no speaker named)"} (${a.outlets.map((o) => o.name).join(", ")})`).join("; ");

/** Columns of the statement-groups export (CSV, XLSX, JSON). */
export const statementGroupExportColumns: readonly ExportColumn<StatementGroupExportRow>[] = [
  { key: "event_id", header: "event_id", value: (r) => r.event.id },
  { key: "event_title", header: "event_title", value: (r) => r.event.title },
  { key: "group_id", header: "group_id", value: (r) => r.group.id },
  { key: "group_size", header: "group_size", value: (r) => r.group.members.length },
  { key: "group_outlets", header: "group_outlets", value: (r) => r.group.outletCount },
  { key: "reference_wording", header: "reference_wording", value: (r) => r.group.referenceWording, width: 60 },
  { key: "speakers", header: "speakers", value: (r) => speakersText(r.group), width: 40 },
  { key: "speaker_conflict", header: "speaker_conflict", value: (r) => r.group.speakerConflict },
  { key: "attribution", header: "attribution", value: (r) => (r.group.speakerConflict ? r.group.attributionText : null), width: 40 },
  { key: "outlet", header: "outlet", value: (r) => r.member.outlet.name },
  { key: "outlet_key", header: "outlet_key", value: (r) => r.member.outlet.key },
  { key: "speaker", header: "speaker", value: (r) => r.member.speaker },
  { key: "direct", header: "direct", value: (r) => r.member.direct },
  { key: "is_reference", header: "is_reference", value: (r) => r.member.isReference },
  { key: "wording", header: "wording", value: (r) => r.member.wording, width: 60 },
  { key: "omitted_words", header: "omitted_words", value: (r) => r.member.summary.omitted },
  { key: "changed_words", header: "changed_words", value: (r) => r.member.summary.changed },
  { key: "added_words", header: "added_words", value: (r) => r.member.summary.added },
  { key: "diff_summary", header: "diff_summary", value: (r) => describeDiff(r.member.summary) },
  { key: "is_copy", header: "is_copy", value: (r) => r.member.isCopy },
  { key: "statement_id", header: "statement_id", value: (r) => r.member.statementId },
  { key: "start", header: "start", value: (r) => r.member.start },
  { key: "end", header: "end", value: (r) => r.member.end },
  { key: "article_id", header: "article_id", value: (r) => r.member.articleId },
  { key: "article_title", header: "article_title", value: (r) => r.member.articleTitle },
  { key: "article_url", header: "article_url", value: (r) => r.member.articleUrl },
  { key: "published_at", header: "published_at", value: (r) => r.member.publishedAt },
];

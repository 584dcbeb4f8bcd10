import { fingerprint, quotedWords, type QuoteFingerprint } from "./normalize";
import { eventWordWeights, matchScore } from "./similarity";
import { compareSpeakers, speakerProfile, summariseAttributions, type Attribution, type SpeakerFields, type SpeakerProfile } from "./speakers";

/** What grouping needs to know about one stored statement. */
export interface GroupableStatement extends SpeakerFields {
  /** Unique among the statements grouped together. */
  id: number | string;
  articleId: string;
  outletKey: string;
  text: string;
  direct: boolean;
}

export interface StatementGroup<T extends GroupableStatement> {
  /** Stable for the same data: derived from the reference statement's id. */
  id: string;
  /** The longest member (by words): the version every other wording is compared with. */
  reference: T;
  /** Reference first, then in the order the algorithm took them (longest first). */
  members: T[];
  /** Each member's quoted words (split-quote attributions removed), by member id. */
  wording: ReadonlyMap<T["id"], string>;
  attributions: Attribution<T>[];
  /** Two outlets name different, specific speakers for this statement. */
  speakerConflict: boolean;
  /** Distinct outlets among the members. */
  outletCount: number;
}

interface Prepared<T> {
  item: T;
  wording: string;
  fp: QuoteFingerprint;
  speaker: SpeakerProfile | null;
  /** Who, as text: statements with the same wording and speaker key score the same against anything. */
  speakerKey: string;
}

/**
 * A total order that does not depend on input order: longest wording first (so a group's first
 * member is its reference), then the wording, then outlet, article and id.
 */
function compareStatements<T extends GroupableStatement>(a: Prepared<T>, b: Prepared<T>): number {
  return (
    b.fp.wordCount - a.fp.wordCount ||
    cmp(a.fp.key, b.fp.key) ||
    cmp(a.item.outletKey, b.item.outletKey) ||
    cmp(a.item.articleId, b.item.articleId) ||
    cmp(String(a.item.id), String(b.item.id))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Aligns the statements of one event into statement groups: the same statement as several outlets
 * (or articles) printed it, full, shortened, cut with ellipses, with bracketed insertions,
 * paraphrased, or attributed to someone else.
 *
 * Greedy and deterministic: statements are taken longest first in a fixed total order, and each
 * joins the group holding its best match (the best over the group's members, so a paraphrase of
 * a shortened version still finds the group), or opens a new group. How much wording evidence a
 * match needs depends on the speakers (see `MATCH_THRESHOLDS`): a misattributed quote joins on its
 * words alone and the group is then flagged. A group never holds two statements of one article
 * (an article's reported sentence and the quote inside it are not two reports of a statement).
 * The result is the same for any order of the input.
 *
 * Pairwise within an event is cheap (events hold at most a few hundred statements); an inverted
 * index on content words keeps it so for larger ones.
 */
export function groupStatements<T extends GroupableStatement>(items: readonly T[]): StatementGroup<T>[] {
  const prepared: Prepared<T>[] = items.map((item) => {
    const wording = quotedWords(item.text, item.direct);
    const speaker = speakerProfile(item);
    return { item, wording, fp: fingerprint(wording), speaker, speakerKey: speaker ? `${speaker.label}\u0001${item.affiliation ?? ""}` : "" };
  });
  prepared.sort(compareStatements);
  const weight = eventWordWeights(prepared.map((p) => p.fp));

  // Wire copies repeat a wording under the same speaker many times: a group keeps one
  // representative per (wording, speaker) to score against, and speaker relations are memoised.
  type Building = { members: Prepared<T>[]; distinct: Map<string, Prepared<T>>; articles: Set<string> };
  const groups: Building[] = [];
  const postings = new Map<string, number[]>();
  const relations = new Map<string, ReturnType<typeof compareSpeakers>>();
  const relation = (a: Prepared<T>, b: Prepared<T>) => {
    const key = a.speakerKey < b.speakerKey ? `${a.speakerKey}\u0000${b.speakerKey}` : `${b.speakerKey}\u0000${a.speakerKey}`;
    let r = relations.get(key);
    if (r === undefined) relations.set(key, (r = compareSpeakers(a.speaker, b.speaker)));
    return r;
  };
  const distinctKey = (p: Prepared<T>) => `${p.fp.key}\u0000${p.speakerKey}`;

  for (const p of prepared) {
    // Reported speech with next to no content ("in a statement", "on Monday") is an extraction
    // fragment, not a statement: it is kept, as a group of its own, and never matched.
    if (!p.item.direct && !p.fp.informative) {
      groups.push({ members: [p], distinct: new Map(), articles: new Set([p.item.articleId]) });
      continue;
    }
    const candidates = new Set<number>();
    for (const w of p.fp.content.keys()) for (const g of postings.get(w) ?? []) candidates.add(g);
    let best = -1;
    let bestScore = 0;
    for (const g of [...candidates].sort((a, b) => a - b)) {
      const group = groups[g]!;
      if (group.articles.has(p.item.articleId)) continue;
      let score = 0;
      for (const m of group.distinct.values()) score = Math.max(score, matchScore(m.fp, p.fp, relation(m, p), weight));
      if (score > bestScore) {
        bestScore = score;
        best = g;
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push({ members: [], distinct: new Map(), articles: new Set() });
    }
    const group = groups[best]!;
    group.members.push(p);
    if (!group.distinct.has(distinctKey(p))) group.distinct.set(distinctKey(p), p);
    group.articles.add(p.item.articleId);
    for (const w of p.fp.content.keys()) {
      const list = postings.get(w) ?? [];
      if (list[list.length - 1] !== best) list.push(best);
      postings.set(w, list);
    }
  }

  return groups.map(({ members }) => {
    const reference = members[0]!.item;
    const { attributions, conflict } = summariseAttributions(
      members.map((m) => m.item),
      (m) => m,
    );
    return {
      id: `sg-${String(reference.id)}`,
      reference,
      members: members.map((m) => m.item),
      wording: new Map(members.map((m) => [m.item.id, m.wording] as const)),
      attributions,
      speakerConflict: conflict,
      outletCount: new Set(members.map((m) => m.item.outletKey)).size,
    };
  });
}

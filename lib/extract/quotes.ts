import { MentionIndex, TITLE_WORDS, cleanName, personName } from "./entities";
import { ORG_HEADS, OUTLET_HEADS, PERSON_NOUNS, SPEECH_VERBS, isPersonPlural } from "./lexicon";
import { trieRegex } from "./match";
import type { Token } from "./nlp";
import type { Sentence } from "./segment";
import type { SentenceTokens } from "./tokens";
import type { Statement } from "./types";

/** A stretch of quoted text: content offsets (inside the marks) and the marks themselves. */
export interface QuoteSpan {
  /** Offsets of the content inside the quote marks, whitespace trimmed. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ended with the quote still open. */
  close: number;
}

const OPEN_BEFORE = /[\s([{—–\-/:;,]/;

/**
 * Find quotations delimited by straight or curly double quotes. Curly marks give the direction;
 * a straight mark opens after whitespace/punctuation and closes after a word. A quote still open
 * at the end of its paragraph ends there (the convention for quotes running over paragraphs is a
 * fresh opening mark on the next paragraph). A closing curly mark used as an opener after a
 * space ("”Mr. Trump’s ...") is read as an opener.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  const push = (o: number, c: number, endAt: number) => {
    let s = o + 1;
    let e = endAt;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ start: s, end: e, open: o, close: c });
  };
  // Jump from one quote mark or line break to the next.
  const MARK = /["“”„«»\n]/g;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const i = m.index;
    const ch = text[i];
    if (ch === "\n") {
      if (open >= 0) push(open, -1, i);
      open = -1;
      continue;
    }
    if (ch !== '"' && ch !== "“" && ch !== "”" && ch !== "„" && ch !== "«" && ch !== "»") continue;
    const prev = i > 0 ? (text[i - 1] as string) : " ";
    const next = text[i + 1] ?? " ";
    if (ch === "“" || ch === "„" || ch === "«") {
      if (open >= 0) push(open, -1, i);
      open = i;
    } else if (ch === "”" || ch === "»") {
      if (open >= 0) {
        push(open, i, i);
        open = -1;
      } else if ((OPEN_BEFORE.test(prev) && /[A-Za-z0-9….]/.test(next)) || prev === "\n" || i === 0) open = i;
    } else {
      const canOpen = OPEN_BEFORE.test(prev) && !/\s/.test(next);
      const canClose = !/\s/.test(prev);
      if (open >= 0 && (canClose || !canOpen)) {
        push(open, i, i);
        open = -1;
      } else if (open < 0 && (canOpen || !canClose)) open = i;
      else if (open >= 0) open = i; // two openers in a row: keep the later one
    }
  }
  if (open >= 0) push(open, -1, text.length);
  return out;
}

interface Attribution {
  mention: string;
  /** Offset just after the attribution's last token (post-quote attributions). */
  endAt?: number;
  /** For a cue before the quote: where the reported content starts (after the cue and "that"). */
  contentAt?: number;
  /** Offset of the mention in the text, for resolution against earlier names. */
  at: number;
  cue: string | null;
  channel: string | null;
  affiliation: string | null;
  how: "post" | "pre" | "colon" | "continued";
}

// Common nouns that can be the source of quoted words ("The Republican nominee vowed ...").
const SOURCE_NOUNS = /^(?:nominee|candidate|report|reports|article|memo|letter|statement|study|poll|survey|lawsuit|complaint|ad|doctor|spokesman|spokeswoman|spokesperson|aide|aides|official|officials|groups|organizations|agencies|officers|critics|supporters|protesters|democrats|republicans|lawmakers|leaders|experts|analysts|prosecutors|investigators|authorities|police|piece|editorial|brief|filing|tweet|post|release)$/;
const OBJECT_CUES = /^(?:told|tells|tell|telling|asked|asks|warned|warns|assured|informed|reminded|urged|urges|accused|accuses)$/;
const PRONOUNS = /^(?:he|she|it|they|we|i|you|him|her|them)$/i;
/** Words for when something was said, between a cue and its content ("said Monday that"). */
const WHEN_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|earlier|later|again|recently|publicly|privately|repeatedly|night|morning|afternoon|evening)$/;
/** "this week", "last month": a when only with its noun ("said this was…" is content). */
const WHEN_DETERMINERS = /^(?:this|last|next)$/;
const WHEN_NOUNS = /^(?:week|weekend|month|year|night|morning|afternoon|evening)$/;

/**
 * Where a cue's content starts, from token `k` just after the cue (and its object): past "that",
 * commas and colons, when it was said ("Monday", "on Tuesday night") and how ("in a statement",
 * "in an interview with CNN", "at a rally in Ohio") when "that" or a comma follows them.
 */
function contentStart(toks: Token[], k: number): number {
  const n = toks.length;
  for (let guard = 0; guard < 6; guard++) {
    const from = k;
    while (k < n && /^(?:,|that|:|as)$/.test(toks[k]!.lower)) k++;
    for (;;) {
      if (k < n && WHEN_WORDS.test(toks[k]!.lower) && !/^(?:'s|’s)$/.test(toks[k + 1]?.lower ?? "")) k++;
      else if (k + 1 < n && WHEN_DETERMINERS.test(toks[k]!.lower) && WHEN_NOUNS.test(toks[k + 1]!.lower) && !/^(?:'s|’s)$/.test(toks[k + 2]?.lower ?? "")) k += 2;
      else break;
    }
    if (k < n && toks[k]!.pos === "ADP" && toks[k]!.lower !== "that") {
      let j = k + 1;
      while (j < n && j - k < 6 && toks[j]!.lower !== "that" && toks[j]!.lower !== ",") j++;
      if (toks[j]?.lower === "that" || toks[j]?.lower === ",") k = j + 1;
      // "at a rally in Kenansville, N.C., …": the place's state or country between commas.
      if (toks[j]?.lower === ",") {
        let m = k;
        while (m < n && m - k < 4 && (/^[A-Z]/.test(toks[m]!.text) || toks[m]!.text === ".")) m++;
        // (Only when the content's first word is in view: the tagged window may end there.)
        if (m > k && toks[m]?.lower === "," && m + 1 < n) k = m + 1;
      }
    }
    if (k === from) break;
  }
  return k;
}

/** "[Affiliation] role words Name Surname": capitalised words, lower-case ones ending in a role, a name. */
const ROLE_BEFORE_NAME = /^((?:[A-Z][\w.’'-]*\s+)*)(?:[a-z]+\s+){0,2}([a-z]+)\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})$/;

/** Words that head a part of a group: "one of the officials", "some of his aides". */
const QUANTITY_HEAD = /^(?:one|two|three|some|many|several|none|each|both|all|most)$/;
/** What starts a cue's own content: "said that …", "said the strike was …", "said “…”". */
const COMPLEMENT_START = /^[ \t]*(?:(?:that|the|a|an|his|her|its|their|it|he|she|they|we|i|there|this|these|those)\b|[“"])/;
const BAD_SUBJECT = /^(?:what|which|that|who|this|there|here|where|when|so|as|it's|what's|one|ones|something|anything|nothing|everything)$/i;
const PASSIVE_BEFORE = /^(?:was|were|been|be|is|are|being|'s)$/;
const ALWAYS_CUE = /^(?:said|says|told|wrote|added|asked|declared|tweeted)$/;

function isCue(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (!t || !SPEECH_VERBS.has(t.lower)) return false;
  // After a subject pronoun a past form is a verb whatever its tag ("it referenced" read as ADJ).
  const afterPronoun = toks[i - 1]?.pos === "PRON" && PRONOUNS.test(toks[i - 1]!.lower) && /(?:ed|s)$/.test(t.lower);
  if (!(t.pos === "VERB" || ALWAYS_CUE.test(t.lower) || afterPronoun)) return false;
  if (!cueUse(t.lower, toks[i + 1]?.lower ?? "")) return false;
  // "was told", "is called": passive, the subject is the hearer.
  let k = i - 1;
  while (k >= 0 && toks[k]!.pos === "ADV") k--;
  return !PASSIVE_BEFORE.test(toks[k]?.lower ?? "");
}

/**
 * Is a reporting verb followed by `next` used as one? Not a participle with its agent ("the
 * meeting called by Moscow") nor aspectual "continue" ("the jets continued to bomb the base":
 * "continued" reports speech only after or before a quotation).
 */
function cueUse(word: string, next: string): boolean {
  if (next === "by") return false;
  return !(/^continu(?:e|es|ed|ing)$/.test(word) && next === "to");
}

// Common-noun heads that can say something: people by role, groups, organisations and the texts
// they issue. Capitalised names and pronouns are speakers too (see `plausibleSpeaker`).
const SPEAKER_WORDS = new Set(
  (
    "authorities police officials official sources source witnesses witness investigators prosecutors experts " +
    "analysts critics supporters advocates activists residents neighbors neighbours members leaders lawmakers voters " +
    "family families relatives friends aides aide staff lawyer lawyers attorney attorneys coroner examiner sheriff " +
    "deputies troopers officers agents researchers scientists economists doctors judge jury panel commission union " +
    "documents document records data statistics figures estimates poll polls survey surveys study studies report " +
    "reports statement statements release letter memo affidavit complaint suit lawsuit filing article story piece " +
    "editorial editorials ad ads spot clip video message tweet tweets post posts analysis account accounts testimony " +
    "transcript book campaign team spokesman spokeswoman spokesperson many most some others both all few majority " +
    "half everyone everybody someone somebody anyone people crowd audience public diplomats observers"
  ).split(" "),
);

/**
 * Can the noun phrase toks[s, e) say something? A pronoun, a capitalised name, or a common noun
 * for a person, role, group, organisation or document ("the spokesman", "officials", "the
 * report"); not "US jets" or "an emergency meeting of the UN Security Council". The head is the
 * last word before a prepositional modifier ("meeting" in "meeting of the Council").
 */
function plausibleSpeaker(toks: Token[], s: number, e: number): boolean {
  let h = e - 1;
  for (let k = s + 1; k < e; k++) {
    if (/^(?:of|for|at|from|with|in|on)$/.test(toks[k]!.lower)) {
      h = k - 1;
      break;
    }
  }
  // "one of the family's attorneys": the head is the group's.
  if (h < e - 1 && QUANTITY_HEAD.test(toks[h]?.lower ?? "")) h = e - 1;
  if (/^(?:'s|’s)$/.test(toks[h]?.lower ?? "") && h > s) h--;
  const t = toks[h];
  if (!t) return false;
  if (t.pos === "PRON" || PRONOUNS.test(t.lower)) return true;
  if (/^[A-Z]/.test(t.text) && !t.caseless) return true;
  const w = t.lower;
  if (SPEAKER_WORDS.has(w) || PERSON_NOUNS.has(w) || isPersonPlural(w) || ORG_HEADS.has(w) || OUTLET_HEADS.has(w) || SOURCE_NOUNS.test(w)) return true;
  // Agent and role nouns: "teacher", "economist", "historian", "resident", "executive", "secretary".
  return /(?:er|or|ist|ian|ant|ent|ee|man|men|woman|women|person|ive|ary)s?$/.test(w);
}

/**
 * The subject of cue `c`, also when the cue heads a second verb phrase ("The nominee outlined his
 * plan and vowed to ...", "Scott beamed and asked the crowd ..."): then it is the subject of the
 * nearest verb before the "and".
 */
function cueSubject(toks: Token[], c: number, lo: number): ReturnType<typeof subjectLeft> {
  const direct = subjectLeft(toks, c, lo);
  if (direct) return direct;
  let k = c - 1;
  while (k >= lo && (toks[k]!.pos === "ADV" || ADVERBS.test(toks[k]!.lower))) k--;
  if (toks[k]?.lower !== "and") return null;
  for (let v = k - 1; v >= lo && k - v <= 14; v--) {
    const t = toks[v]!;
    if (/^[.;:!?“”"]$/.test(t.lower) || t.lower === "and" || t.lower === "that" || t.lower === "who" || t.lower === "which") return null;
    if (t.pos !== "VERB") continue;
    let e = v;
    while (e - 1 >= lo && (toks[e - 1]!.pos === "AUX" || toks[e - 1]!.pos === "ADV" || toks[e - 1]!.pos === "PART")) e--;
    return subjectLeft(toks, e, lo);
  }
  return null;
}

/** A verb tag between nouns is usually a mis-tagged compound ("White House press secretary"). */
function compoundVerb(toks: Token[], j: number): boolean {
  const t = toks[j];
  const a = toks[j - 1];
  const b = toks[j + 1];
  return !!t && !!a && !!b && t.pos === "VERB" && !SPEECH_VERBS.has(t.lower) && !/(?:ed|ing)$/.test(t.lower) && /^(?:NOUN|PROPN|ADJ)$/.test(a.pos) && b.pos === "NOUN";
}

function npTok(t: Token): boolean {
  // A capitalised word the tagger read as a verb is usually a name ("Lynch said").
  if (t.pos === "VERB" && !t.caseless && /^[A-Z][a-z]/.test(t.text) && !SPEECH_VERBS.has(t.lower)) return true;
  return t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "NUM" || /^(?:'s|’s|\.|-|&|\*)$/.test(t.lower) || /^[A-Z]\.$/.test(t.text);
}

/** The subject noun phrase ending right before token `c` (a cue), skipping adverbs, appositions and "(D-Wis.)". */
function subjectLeft(toks: Token[], c: number, lo: number): { s: number; e: number; appos: [number, number] | null } | null {
  let j = c - 1;
  while (j >= lo && (toks[j]!.pos === "ADV" || ADVERBS.test(toks[j]!.lower))) j--;
  if (j < lo) return null;
  if (PRONOUNS.test(toks[j]!.lower) && toks[j]!.pos === "PRON") return { s: j, e: j + 1, appos: null };
  let appos: [number, number] | null = null;
  for (let round = 0; round < 2; round++) {
    // "(D-Wis.)" after a name
    if (toks[j]?.lower === ")") {
      let k = j - 1;
      while (k >= lo && k > j - 8 && toks[k]!.lower !== "(") k--;
      if (k >= lo && toks[k]!.lower === "(") j = k - 1;
    }
    // "X, a spokesman for Y, said"
    if (toks[j]?.lower === ",") {
      let k = j - 1;
      while (k >= lo && j - k < 16 && toks[k]!.lower !== ",") k--;
      if (k >= lo && toks[k]!.lower === "," && k < j - 1) {
        appos ??= [k + 1, j];
        j = k - 1;
      } else return null;
    }
  }
  const e = j + 1;
  while (j >= lo) {
    const t = toks[j]!;
    if (npTok(t) || compoundVerb(toks, j)) {
      j--;
      continue;
    }
    // "Obama and Clinton call them ..."
    if (t.lower === "and" && toks[j - 1]?.pos === "PROPN" && toks[j + 1]?.pos === "PROPN") {
      j--;
      continue;
    }
    // "my father", "his spokesman"
    if (/^(?:my|his|her|their|our|its|your)$/.test(t.lower) && j + 1 < e) {
      j--;
      break;
    }
    // "Aaron David Miller of the Wilson Center", "Ambassador to the UN Vitaly Churkin", "a narrator in the ad", "mother of three"
    if (/^(?:of|for|at|to|from|in)$/.test(t.lower) && j - 1 >= lo && (toks[j - 1]!.pos === "PROPN" || toks[j - 1]!.pos === "NOUN" || (t.lower === "of" && QUANTITY_HEAD.test(toks[j - 1]!.lower))) && (toks[j + 1]?.pos === "PROPN" || toks[j + 1]?.pos === "DET" || (t.lower === "of" && toks[j + 1]?.pos === "NUM" && j + 2 === e))) {
      j--;
      continue;
    }
    if (t.pos === "DET" && /^(?:the|a|an)$/.test(t.lower) && toks[j + 1] && npTok(toks[j + 1]!)) {
      // "the" inside "of the Wilson Center" is kept by the connector rule; a leading one ends the NP.
      if (/^(?:of|for|at|to|from)$/.test(toks[j - 1]?.lower ?? "")) {
        j--;
        continue;
      }
      j--;
      break;
    }
    break;
  }
  let s = j + 1;
  while (s < e && !(toks[s]!.pos === "PROPN" || toks[s]!.pos === "NOUN" || toks[s]!.pos === "DET" || toks[s]!.pos === "ADJ" || toks[s]!.pos === "NUM" || /^(?:my|his|her|their|our|its|your)$/.test(toks[s]!.lower) || npTok(toks[s]!))) s++;
  if (s >= e) return null;
  // The head is the last noun ("mother" in "the 34-year-old mother of three").
  let h = e - 1;
  if (toks[h]!.pos === "NUM" && toks[h - 1]?.lower === "of") h -= 2;
  const head = toks[h]!;
  if (!(head.pos === "PROPN" || head.pos === "NOUN" || /^[A-Z]/.test(head.text))) return null;
  // ("one senior official" is a subject; "one" alone is not)
  if (BAD_SUBJECT.test(toks[s]!.lower) && !(toks[s]!.lower === "one" && e - s > 1)) return null;
  return { s, e, appos };
}

/** A noun phrase starting at token `i` ("said Paul Sanfelippo", "said the official"). */
function npRight(toks: Token[], i: number): { s: number; e: number } | null {
  let j = i;
  // "said Tuesday" names a day, not a speaker.
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|earlier|later|last|this|on|in|at)$/.test(toks[j]?.lower ?? "")) return null;
  if (toks[j] && PRONOUNS.test(toks[j]!.lower) && toks[j]!.pos === "PRON") return { s: j, e: j + 1 };
  if (toks[j] && toks[j]!.pos === "DET") j++;
  const s0 = i;
  while (j < toks.length && j - i < 12) {
    const t = toks[j]!;
    if (npTok(t) && t.lower !== "." ) {
      j++;
      continue;
    }
    if (t.lower === "." && /^[A-Z][a-z]?$/.test(toks[j - 1]?.text ?? "")) {
      j++;
      continue;
    }
    if (/^(?:of|for|at|with|to)$/.test(t.lower) && (toks[j + 1]?.pos === "PROPN" || (toks[j + 1]?.pos === "DET" && toks[j + 2]?.pos === "PROPN"))) {
      j++;
      continue;
    }
    if (t.pos === "DET" && toks[j - 1] && /^(?:of|for|at|with|to)$/.test(toks[j - 1]!.lower)) {
      j++;
      continue;
    }
    break;
  }
  if (j === s0 || (j === s0 + 1 && toks[s0]!.pos === "DET")) return null;
  return { s: s0, e: j };
}

function span(text: string, toks: Token[], s: number, e: number): string {
  return text.slice(toks[s]!.start, toks[e - 1]!.end);
}

/** The outlet named right after a cue: "told the *New York Times*", "told CNN", "in an interview with Fox News". */
function channelAfter(text: string, toks: Token[], c: number): string | null {
  let j = c + 1;
  if (/^(?:to|with|on)$/.test(toks[j]?.lower ?? "")) j++;
  if (/^(?:an|a)$/.test(toks[j]?.lower ?? "") && toks[j + 1]?.lower === "interview" && toks[j + 2]?.lower === "with") j += 3;
  if (toks[j]?.lower === "the") j++;
  let e = j;
  while (e < toks.length && (toks[e]!.pos === "PROPN" || toks[e]!.lower === "*" || /^[A-Z]/.test(toks[e]!.text))) e++;
  if (e === j) return null;
  const name = cleanName(span(text, toks, j, e));
  const words = name.toLowerCase().split(" ");
  if (words.some((w) => OUTLET_HEADS.has(w))) return name;
  return null;
}

/** The organisation after "of/for/at/with (the)" in a phrase ("a spokesman for the Pentagon" → Pentagon), or null. */
function orgAfterPreposition(phrase: string): string | null {
  const m = /\b(?:of|for|at|with)\s+(?:the\s+)?([A-Z*].*)$/.exec(phrase);
  return m ? cleanName(m[1]!) : null;
}

function attribution(text: string, toks: Token[], c: number, subj: { s: number; e: number; appos: [number, number] | null }, how: Attribution["how"]): Attribution {
  let mention = span(text, toks, subj.s, subj.e);
  let at = toks[subj.s]!.start;
  let affiliation: string | null = null;
  if (subj.appos) {
    const ap = span(text, toks, subj.appos[0], subj.appos[1]);
    // "Trump, speaking at a rally, said", "X, who watched the videos, said", "Jones, 25, said": a
    // participle or relative clause, or an age, is neither a name nor an affiliation.
    const first = toks[subj.appos[0]]!;
    const clause = first.pos === "VERB" || /^(?:who|whom|whose|which|that)$/.test(first.lower) || /^\d+$/.test(ap);
    // "A spokeswoman for the Pentagon, Capt. Jeff Davis, said": the role first, the name after it.
    const roleFirst = !clause && toks.slice(subj.s, subj.e).some((t) => /^[a-z]/.test(t.text) && (SPEAKER_WORDS.has(t.lower) || PERSON_NOUNS.has(t.lower)));
    if (roleFirst && personName(ap)?.includes(" ")) {
      affiliation = orgAfterPreposition(mention);
      mention = ap;
      at = toks[subj.appos[0]]!.start;
    } else if (!clause) affiliation = orgAfterPreposition(ap) ?? cleanName(ap);
  }
  return { mention, at, cue: toks[c]!.text, channel: channelAfter(text, toks, c), affiliation, how };
}

/** A token that ends a sentence -- not the period of "R-Ky." or "Jr." inside an apposition. */
function endsSentence(toks: Token[], c: number): boolean {
  const t = toks[c]!;
  if (!/^[.!?;“"]$/.test(t.lower)) return false;
  if (t.lower === ".") {
    const p = toks[c - 1];
    const n = toks[c + 1];
    if (p && p.end === t.start && /^[A-Z][A-Za-z]{0,3}$/.test(p.text) && (!n || n.lower === "," || n.lower === ")")) return false;
  }
  return true;
}

const ADVERBS = /^(?:also|later|then|previously|recently|once|again|simply|further|bluntly|blandly|often|repeatedly|earlier|quickly|flatly|angrily|simply|frequently|privately|publicly|recently|subsequently|separately|finally|ultimately|similarly|still|just|even|only)$/;

/** `,” he said`, `,” said X`, `” X, a spokesman, said`, `,” according to X` right after a quote. */
function parsePost(text: string, toks: Token[]): Attribution | null {
  let i = 0;
  // "“...” ― Pamela Padilla": a dash and a name sign a quote.
  if (/^(?:―|—|–|-)$/.test(toks[0]?.lower ?? "") && toks[1]?.pos === "PROPN") {
    let e = 1;
    while (e < toks.length && (toks[e]!.pos === "PROPN" || /^[A-Z]\.?$/.test(toks[e]!.text))) e++;
    return { mention: span(text, toks, 1, e), endAt: toks[e - 1]!.end, at: toks[1]!.start, cue: toks[0]!.text, channel: null, affiliation: null, how: "post" };
  }
  while (i < toks.length && /^(?:,|—|–|-|\*)$/.test(toks[i]!.lower)) i++;
  if (toks[i]?.lower === "according" && toks[i + 1]?.lower === "to") {
    const np = npRight(toks, i + 2);
    if (np) return { mention: span(text, toks, np.s, np.e), endAt: toks[np.e - 1]!.end, at: toks[np.s]!.start, cue: "according to", channel: null, affiliation: null, how: "post" };
  }
  if (isCue(toks, i)) {
    const np = npRight(toks, i + 1);
    if (np) {
      let affiliation: string | null = null;
      const ap = toks[np.e]?.lower === "," ? npRight(toks, np.e + 1) : null;
      if (ap) affiliation = orgAfterPreposition(span(text, toks, ap.s, ap.e));
      const mention = span(text, toks, np.s, np.e);
      const sub = /^(.*?)\s+(?:of|for|at|with)\s+(?:the\s+)?([A-Z*].*)$/.exec(mention);
      if (sub && !affiliation) affiliation = cleanName(sub[2]!);
      return { mention, endAt: toks[np.e - 1]!.end, at: toks[np.s]!.start, cue: toks[i]!.text, channel: channelAfter(text, toks, np.e - 1), affiliation, how: "post" };
    }
    return null;
  }
  let depth = 0;
  for (let c = i + 1; c < toks.length && c - i < 24; c++) {
    const t = toks[c]!;
    if (t.lower === "(") depth++;
    if (t.lower === ")") depth--;
    if (depth > 0) continue;
    if (isCue(toks, c)) {
      // A cue in a relative clause of the apposition is not the attribution's: "one official,
      // who spoke on condition of anonymity, said", "a senior official, who asked not to be named, said".
      let r = c - 1;
      while (r > i && (toks[r]!.pos === "AUX" || toks[r]!.pos === "ADV")) r--;
      if (/^(?:who|which)$/.test(toks[r]?.lower ?? "") && toks[r - 1]?.lower === ",") continue;
      const subj = subjectLeft(toks, c, i);
      if (subj && subj.s === i) return { ...attribution(text, toks, c, subj, "post"), endAt: toks[c]!.end };
      break;
    }
    if (ADVERBS.test(t.lower)) continue;
    // Appositions may hold verbs ("X, who leads Y, said"); only a sentence end stops the search.
    if (endsSentence(toks, c) || ((t.pos === "VERB" || t.pos === "AUX") && !compoundVerb(toks, c) && !/,/.test(toks.slice(i, c).map((x) => x.lower).join(" ")))) break;
  }
  // A long apposition: "“...,” Don Fowler, who helmed the DNC from 1995 to 1997, ..., said." The
  // name right after the quote is the speaker when a cue closes the clause.
  const head = toks[i];
  if (head && npTok(head) && head.pos !== "NOUN" && /^[A-Z]/.test(head.text)) {
    let e = i;
    while (e < toks.length && (toks[e]!.pos === "PROPN" || npTok(toks[e]!)) && e - i < 6) e++;
    if (toks[e]?.lower === ",") {
      for (let c = e + 1; c < toks.length && c - e < 60; c++) {
        if (endsSentence(toks, c)) break;
        if (isCue(toks, c) && toks[c - 1]?.lower === ",") {
          return { mention: span(text, toks, i, e), endAt: toks[c]!.end, at: toks[i]!.start, cue: toks[c]!.text, channel: channelAfter(text, toks, c), affiliation: null, how: "post" };
        }
      }
    }
  }
  return null;
}

/** `X said, “`, `X told the Times that ... “`, `according to X, “`, `X: “` before a quote. */
function parsePre(text: string, toks: Token[]): Attribution | null {
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.lower === "according" && toks[i + 1]!.lower === "to") {
      const np = npRight(toks, i + 2);
      if (np && (toks[np.e]?.lower === "," || np.e >= toks.length - 1)) {
        return { mention: span(text, toks, np.s, np.e), at: toks[np.s]!.start, cue: "according to", channel: null, affiliation: null, how: "pre" };
      }
    }
  }
  let contentAt: number | undefined;
  for (let c = toks.length - 1; c >= 0; c--) {
    if (!isCue(toks, c)) continue;
    // The reported content starts after the cue nearest the quote, unless that cue sits in a
    // relative clause ("anybody who complains about ...").
    if (contentAt === undefined && !/^(?:who|which|that)$/.test(toks[c - 1]?.lower ?? "")) {
      let k = c + 1;
      if (OBJECT_CUES.test(toks[c]!.lower)) {
        const obj = npRight(toks, k);
        if (obj && obj.e < toks.length) k = obj.e;
      }
      k = contentStart(toks, k);
      // Nothing after the cue but the quotation ("blandly adding: “"): the quotation is the content.
      contentAt = toks[k]?.start ?? toks[toks.length - 1]!.end;
    }
    // A participle cue ("..., arguing that", "tweets saying") has no subject of its own: the
    // speaker is the main clause's subject, found by a cue or verb further left -- unless a name
    // sits right before it ("footage of Trump saying").
    const gerund = /ing$/.test(toks[c]!.lower);
    if (gerund && toks[c - 1]?.lower === ",") continue;
    const subj = gerund ? subjectLeft(toks, c, 0) : cueSubject(toks, c, 0);
    if (subj && (!gerund || toks[subj.e - 1]!.pos === "PROPN")) return { ...attribution(text, toks, c, subj, "pre"), contentAt };
    // "blandly adding:" with no subject: keep looking for the main clause's cue.
  }
  // Mixed quotes after any verb with a named subject: "Cruz exhorted Republicans to “vote your
  // conscience”", "Blige sings Bruce Springsteen’s “American Skin”". Attribution corpora count
  // these as attributed words, and a named subject keeps out most scare quotes.
  for (let c = toks.length - 1; c > 0; c--) {
    const t = toks[c]!;
    if (t.pos !== "VERB" || compoundVerb(toks, c) || /(?:ing|ed)$/.test(t.lower) && toks[c - 1]?.lower === ",") continue;
    let k = c - 1;
    let passive = false;
    while (k >= 0 && (toks[k]!.pos === "AUX" || toks[k]!.pos === "ADV" || toks[k]!.pos === "PART")) {
      if (PASSIVE_BEFORE.test(toks[k]!.lower) && /ed$/.test(t.lower)) passive = true;
      k--;
    }
    // "it was agreed to by Kerry": a passive subject did not say anything.
    if (passive) break;
    if (k < 0 || (k === c - 1 && toks[c - 1]!.pos === "ADV")) continue;
    const subj = subjectLeft(toks, k + 1, 0);
    if (!subj) break;
    const head = toks[subj.e - 1]!;
    if (!(head.pos === "PROPN" || /^(?:he|she|it|they|we)$/i.test(head.lower) || SOURCE_NOUNS.test(head.lower) || PERSON_NOUNS.has(head.lower) || ORG_HEADS.has(head.lower))) break;
    let m = c + 1;
    while (m < toks.length && /^(?:,|that|:|as)$/.test(toks[m]!.lower)) m++;
    return { ...attribution(text, toks, c, subj, "pre"), contentAt: contentAt ?? toks[m]?.start };
  }
  // Headline style "Trump: “...”"
  const last = toks[toks.length - 1];
  if (last?.lower === ":" && toks.length >= 2 && toks[toks.length - 2]!.pos === "PROPN") {
    let s = toks.length - 2;
    while (s > 0 && toks[s - 1]!.pos === "PROPN") s--;
    if (s > 0) return null;
    return { mention: span(text, toks, s, toks.length - 1), at: toks[s]!.start, cue: ":", channel: null, affiliation: null, how: "pre" };
  }
  return null;
}

interface Resolved {
  speaker: string | null;
  affiliation: string | null;
  outlet: boolean;
}

/** Resolve a surface mention to a name: pronouns to the last person/organisation, surnames to full names. */
function resolve(mention: string, at: number, idx: MentionIndex, lastSpeaker: { name: string; at: number } | null): Resolved {
  // "the Centcom official's account", "the ministry's statement": the owner speaks.
  const m = cleanName(cleanName(mention).replace(/^(.+?)['’]s\s+(?:account|statement|words|testimony|version|report|remarks|comments|records|figures|tally|count)$/i, "$1"));
  const lower = m.toLowerCase();
  if (/^(?:he|she|him|her)$/.test(lower)) {
    // The last person named before the pronoun; a speaker known only by surname ("Smith said ...
    // he added") when that is more recent.
    const p = idx.last("person", at);
    const name = lastSpeaker && (!p || lastSpeaker.at > p.end) && /^[A-Z]/.test(lastSpeaker.name) && !ORG_HEADS.has(lastSpeaker.name.split(" ").pop()!.toLowerCase()) ? lastSpeaker.name : p ? p.name : null;
    return { speaker: name, affiliation: null, outlet: false };
  }
  if (/^(?:it|its)$/.test(lower)) {
    const o = idx.last("org", at);
    return { speaker: o ? o.name : null, affiliation: null, outlet: !!o?.outlet };
  }
  if (/^(?:they|we|i|you|them)$/.test(lower)) return { speaker: null, affiliation: null, outlet: false };
  let name = m;
  let affiliation: string | null = null;
  // "Pentagon spokesman Peter Cook", "White House press secretary Josh Earnest": the name after
  // the role speaks; what precedes the role is the affiliation.
  const role = ROLE_BEFORE_NAME.exec(m);
  if (role && (SPEAKER_WORDS.has(role[2]!.toLowerCase()) || TITLE_WORDS.has(role[2]!.toLowerCase()))) {
    const pn = personName(role[3]!);
    if (pn?.includes(" ")) return { speaker: pn, affiliation: role[1] ? cleanName(role[1].replace(/['’]s\s*$/, "")) : null, outlet: false };
  }
  const sub = /^(.*?[A-Za-z])\s+(?:of|at|for|from|with)\s+(?:the\s+)?([A-Z].*)$/.exec(m);
  if (sub && /[A-Z]/.test(sub[1]!) && personName(sub[1]!)) {
    name = sub[1]!;
    affiliation = cleanName(sub[2]!);
  }
  if (/[A-Z]/.test(name)) {
    const pn = personName(name);
    const words = name.toLowerCase().split(" ");
    const isOrg = words.some((w) => ORG_HEADS.has(w.replace(/[()]/g, "")));
    if (pn && (!isOrg || pn.includes(" "))) {
      const full = pn.includes(" ") ? pn : (idx.expandPerson(pn, at) ?? pn);
      return { speaker: full, affiliation, outlet: false };
    }
    const outlet = words.some((w) => OUTLET_HEADS.has(w) && w.length > 2);
    return { speaker: name.replace(/\s+(?:publication|newspaper|magazine|website)$/i, ""), affiliation, outlet };
  }
  // A common noun phrase: "the ministry" -> the ministry named earlier.
  const head = lower.split(" ").pop() ?? "";
  if (ORG_HEADS.has(head)) {
    const full = idx.expandOrg(head, at);
    if (full) return { speaker: full, affiliation, outlet: false };
  }
  return { speaker: m, affiliation, outlet: false };
}

function paragraphBounds(text: string, pos: number): { start: number; end: number } {
  let s = text.lastIndexOf("\n", pos - 1);
  s = s < 0 ? 0 : s + 1;
  let e = text.indexOf("\n", pos);
  if (e < 0) e = text.length;
  return { start: s, end: e };
}

/** Runs of letters, digits and apostrophes in `s` (counted without building them). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 0x2019;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** The subject at the start of a clause ("President Obama is rolling out ...: “...”"). */
function clauseSubject(text: string, toks: Token[]): Attribution | null {
  for (let i = 0; i < toks.length && i < 12; i++) {
    const t = toks[i]!;
    if (t.pos === "PRON" && PRONOUNS.test(t.lower)) return { mention: t.text, at: t.start, cue: ":", channel: null, affiliation: null, how: "pre" };
    if (t.pos === "PROPN") {
      let e = i;
      while (e + 1 < toks.length && (toks[e + 1]!.pos === "PROPN" || /^[A-Z]\.$/.test(toks[e + 1]!.text))) e++;
      return { mention: span(text, toks, i, e + 1), at: t.start, cue: ":", channel: null, affiliation: null, how: "pre" };
    }
    if (t.pos === "VERB" || t.pos === "AUX") {
      // "The piece used ...:" -- a common-noun subject right before the verb.
      const subj = subjectLeft(toks, i, 0);
      return subj ? { mention: span(text, toks, subj.s, subj.e), at: toks[subj.s]!.start, cue: ":", channel: null, affiliation: null, how: "pre" } : null;
    }
  }
  return null;
}

const TITLE_FUNCTION = /^(?:of|the|a|an|and|or|in|on|for|to|at|by|with|from|vs\.?)$/i;

/**
 * Quoted titles ("Morning Joe", "Barack Obama Election Day") and nicknames (Robert C. "Bobby"
 * Scott) are not statements: short, every content word capitalised, no sentence punctuation.
 */
function isTitleOrNickname(text: string, q: QuoteSpan): boolean {
  const content = text.slice(q.start, q.end).replace(/[,.]$/, "");
  const words = content.split(/\s+/).filter(Boolean);
  if (words.length > 6 || /[.!?]/.test(content)) return false;
  const title = words.every((w) => /^[A-Z0-9“"‘'(]/.test(w) || TITLE_FUNCTION.test(w)) && /[A-Z]/.test(content[0] ?? "");
  if (title) return true;
  // Nickname between two names
  const before = text.slice(Math.max(0, q.open - 20), q.open);
  const after = text.slice(q.close >= 0 ? q.close + 1 : q.end, (q.close >= 0 ? q.close + 1 : q.end) + 20);
  return words.length === 1 && /[A-Z][a-z]*\.?\s*$/.test(before) && /^\s*[A-Z]/.test(after);
}

interface Found {
  st: Statement;
  q: QuoteSpan;
  para: number;
  attr: Attribution;
}

/**
 * Where the attribution of a quote can sit: the paragraph, the text after the closing mark up to
 * `postEnd` ("..., said X, a spokesman for Y"), and the text before the opening mark from
 * `preStart` ("X told the Times that “"). Text offsets only, no tagging.
 */
interface QuoteWindows {
  para: { start: number; end: number };
  closeAt: number;
  postEnd: number;
  preStart: number;
}

// Asked twice per article (prefetch, then attribution): the last article's answers are kept.
let quoteWindowCache: { text: string; quotes: QuoteSpan[]; windows: QuoteWindows[] } | null = null;

/** The attribution windows of quote `qi` (see `QuoteWindows`). */
function quoteWindows(text: string, tokens: SentenceTokens, quotes: QuoteSpan[], qi: number): QuoteWindows {
  if (quoteWindowCache?.quotes !== quotes || quoteWindowCache.text !== text) quoteWindowCache = { text, quotes, windows: quotes.map((_, k) => findQuoteWindows(text, tokens, quotes, k)) };
  return quoteWindowCache.windows[qi]!;
}

function findQuoteWindows(text: string, tokens: SentenceTokens, quotes: QuoteSpan[], qi: number): QuoteWindows {
  const q = quotes[qi]!;
  const para = paragraphBounds(text, q.open);
  const nextQ = quotes[qi + 1];
  const closeAt = q.close >= 0 ? q.close + 1 : q.end;
  // The post-quote attribution ends at its cue: "Scott Pruitt, the Republican attorney general of
  // Oklahoma, one of the states suing the EPA, said" can run long, so look for the cue word first
  // and tag up to it.
  let postEnd = Math.min(para.end, nextQ && nextQ.open >= closeAt ? nextQ.open : para.end, closeAt + 130);
  {
    const limit = Math.min(para.end, nextQ && nextQ.open >= closeAt ? nextQ.open : para.end, closeAt + 320);
    CUE_WORD_G.lastIndex = 0;
    const m = CUE_WORD_G.exec(text.slice(closeAt, limit));
    if (m && m.index + m[0].length + 40 > postEnd - closeAt && !/[.!?][”"’]?\s+[A-Z]/.test(text.slice(closeAt + 2, closeAt + m.index))) postEnd = Math.min(limit, closeAt + m.index + m[0].length + 40);
  }
  const sent = tokens.sentences[tokens.indexAt(q.open)];
  const prevQ = quotes[qi - 1];
  let preStart = Math.max(para.start, sent ? sent.start : para.start);
  if (prevQ && prevQ.close >= 0 && prevQ.close + 1 > preStart && prevQ.close < q.open) preStart = prevQ.close + 1;
  if (preStart > q.open) preStart = q.open;
  // The cue and its subject sit right before the quote ("X, a spokesman for Y, said, “").
  preStart = Math.max(preStart, q.open - 150);
  return { para, closeAt, postEnd, preStart };
}

/**
 * Can the text after a quote, [a, b), attribute it? Every post-quote pattern has a cue word
 * ("said", "according to") or starts with a dash ("― Pamela Padilla"); without one there is
 * nothing to tag.
 */
function postMayAttribute(text: string, a: number, b: number): boolean {
  const t = text.slice(a, b);
  if (/^[\s,*]*[―—–-]/.test(t)) return true;
  CUE_WORD_G.lastIndex = 0;
  return CUE_WORD_G.test(t);
}

/**
 * The text ranges the statement extractor will tag: each quote's attribution windows and the
 * window around each sentence's first cue word. For `SentenceTokens.prefetch`.
 */
export function statementRanges(text: string, tokens: SentenceTokens, quotes: QuoteSpan[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const w = quoteWindows(text, tokens, quotes, qi);
    if (w.postEnd > w.closeAt && q.close >= 0 && postMayAttribute(text, w.closeAt, w.postEnd)) out.push({ start: w.closeAt, end: w.postEnd });
    if (w.preStart < q.open) out.push({ start: w.preStart, end: q.open });
  }
  for (let i = 0; i < tokens.sentences.length; i++) {
    const r = reportWindow(text, tokens.sentences, i, quotes);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Attribute each quotation to a speaker and emit it as a direct statement; add reported speech
 * ("X said that ...", "..., X said", "according to X, ...") as indirect statements. Quotes with no
 * attribution are dropped unless they continue the previous speaker's quote (same paragraph, or a
 * paragraph opening with the quote), which keeps scare quotes and titles out. A quote split by its
 * attribution ("“A,” he said. “B.”") becomes one statement spanning both pieces, with the pieces
 * in `parts`.
 */
export function extractStatements(text: string, tokens: SentenceTokens, quotes: QuoteSpan[]): Statement[] {
  const idx = new MentionIndex(text, quotes);
  const found: Found[] = [];
  const mixed: Statement[] = [];
  let prev: Found | null = null;
  let lastNamed: { name: string; at: number } | null = null;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const win = quoteWindows(text, tokens, quotes, qi);
    const { para, closeAt, postEnd } = win;
    let preStart = win.preStart;
    const prevQ = quotes[qi - 1];

    let attr: Attribution | null = null;
    if (postEnd > closeAt && q.close >= 0 && postMayAttribute(text, closeAt, postEnd)) attr = parsePost(text, tokens.between(closeAt, postEnd));
    // “...” It added: “...” -- a cue that introduces the next quote is not this one's.
    if (attr?.endAt !== undefined && /[.!?]$/.test(text.slice(q.start, q.end)) && /^\s*:\s*[“"]/.test(text.slice(attr.endAt, attr.endAt + 8))) attr = null;
    // “... vote.” The ministry said the strike was “...”: a cue with a clause of its own after a
    // quote that ended its sentence reports that clause, not the quote.
    if (attr?.how === "post" && attr.endAt !== undefined && /^[a-z]/i.test(attr.cue ?? "") && /[.!?]$/.test(text.slice(q.start, q.end)) && COMPLEMENT_START.test(text.slice(attr.endAt, attr.endAt + 16))) attr = null;
    // "The New York Times reports:" closing the previous paragraph introduces this one.
    if (preStart === q.open || !/\S/.test(text.slice(preStart, q.open))) {
      const before = text.slice(Math.max(0, preStart - 300), preStart);
      if (/:\s*$/.test(before) && (!prevQ || prevQ.close < preStart - before.length + before.lastIndexOf("\n"))) {
        const ps = tokens.indexAt(preStart - before.length + before.trimEnd().length - 1);
        const s0 = tokens.sentences[ps];
        if (s0) preStart = s0.start;
      }
    }
    const preText = text.slice(preStart, q.open);
    const preToks = !attr && /\S/.test(preText) ? tokens.between(preStart, q.open) : [];
    if (!attr && preToks.length) attr = parsePre(text, preToks);
    const samePara = !!prev && prev.para === para.start;
    const quoteStartsSentence = !/[A-Za-z0-9]/.test(preText);
    const prevClose = prev ? (prev.q.close >= 0 ? prev.q.close : prev.q.end) : -1;
    if (!attr && /:\s*$/.test(preText)) {
      if (prev && (samePara || q.open - prevClose < 400)) attr = { ...prev.attr, how: "colon" };
      else attr = clauseSubject(text, preToks);
    }
    // A quote continues the previous speaker in the same paragraph, or in the next paragraph when
    // the previous quote ran to its paragraph's end unclosed (the multi-paragraph convention).
    if (!attr && prev && (samePara || (quoteStartsSentence && q.open - prevClose < 300))) attr = { ...prev.attr, how: "continued" };
    // A long quotation with no cue is still somebody's words (often the speaker named a sentence
    // or two before); short ones are scare quotes and titles.
    if (!attr && wordCount(text.slice(q.start, q.end)) >= 8 && prev && q.open - prevClose < 1500) attr = { ...prev.attr, how: "continued" };
    if (!attr || wordCount(text.slice(q.start, q.end)) === 0 || (attr.how !== "post" && isTitleOrNickname(text, q))) continue;

    let st: Statement;
    if ((attr.how === "colon" || attr.how === "continued") && prev) {
      const { parts: _parts, ...rest } = prev.st;
      st = { ...rest, text: text.slice(q.start, q.end), start: q.start, end: q.end };
    } else {
      const r = resolve(attr.mention, attr.at, idx, lastNamed);
      st = {
        speaker: r.speaker,
        speakerMention: cleanName(attr.mention) || null,
        affiliation: attr.affiliation ?? r.affiliation,
        cue: attr.cue,
        channel: attr.channel ?? (r.outlet && r.speaker ? r.speaker : null),
        text: text.slice(q.start, q.end),
        start: q.start,
        end: q.end,
        direct: true,
      };
    }
    // Mixed quote: the quoted words sit inside reported content ("stated that Melania would ...
    // “in a few weeks.”"); the content from the cue to the end of the quote is also reported speech.
    if (attr.how === "pre" && attr.contentAt !== undefined && attr.contentAt < q.open - 1) {
      const e = q.close >= 0 ? q.close + 1 : q.end;
      mixed.push({ ...st, text: text.slice(attr.contentAt, e), start: attr.contentAt, end: e, direct: false });
    }
    if (st.speaker && !PRONOUNS.test(attr.mention.trim())) lastNamed = { name: st.speaker, at: attr.at };
    const f: Found = { st, q, para: para.start, attr };
    found.push(f);
    prev = f;
  }

  // Merge split quotes: the second piece shares the first's attribution ("“A,” he said. “B.”").
  const direct = joinSplitQuotes(text, found, (a, b) => {
    const sameAttr = b.attr.at === a.attr.at || b.attr.how === "continued";
    // Only the first piece's attribution between them. Appositions with verbs ("X, who represents
    // Y, said") still join; a second cue or a "but" clause ("she said, adding ...", "she said, but
    // Kevin was ...") keeps two statements.
    const between = a.attr.endAt !== undefined ? text.slice(a.attr.endAt, b.q.open) : "";
    CUE_WORD_G.lastIndex = 0;
    return sameAttr && !(CUE_WORD_G.test(between) || /\bbut\b/.test(between));
  });

  // Reported speech, unless it repeats a mixed quote's content.
  const indirect = reportedSpeech(text, tokens, quotes, idx).filter((r) => !mixed.some((m) => Math.min(m.end, r.end) - Math.max(m.start, r.start) > 0.8 * (r.end - r.start)));
  return [...direct, ...mixed, ...indirect].sort((x, y) => x.start - y.start || Number(y.direct) - Number(x.direct));
}

/**
 * Quotations split by their attribution joined into one statement with its `parts`: a piece joins
 * the one before when both sit in one paragraph, close together, the first attributed after its
 * closing mark, and `continues(first, piece)` (each language's own test of what lies between).
 */
export function joinSplitQuotes<F extends { st: Statement; para: number; attr: { how: string } }>(
  text: string,
  found: ReadonlyArray<F>,
  continues: (first: F, piece: F) => boolean,
): Statement[] {
  const direct: Statement[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    let end = a.st.end;
    const parts = a.st.parts ? [...a.st.parts] : [{ start: a.st.start, end: a.st.end }];
    let j = i + 1;
    while (j < found.length) {
      const b = found[j]!;
      const gap = text.slice(end, b.st.start);
      if (b.para !== a.para || a.attr.how !== "post" || gap.length > 250 || /\n/.test(gap) || !continues(a, b)) break;
      end = b.st.end;
      parts.push({ start: b.st.start, end: b.st.end });
      j++;
    }
    const st: Statement = { ...a.st, end, text: text.slice(a.st.start, end) };
    if (parts.length > 1) st.parts = parts;
    direct.push(st);
    i = j - 1;
  }
  return direct;
}

const CUE_WORD_G = new RegExp(`\\b(?:according to|${trieRegex([...new Set([...SPEECH_VERBS])])})\\b`, "gi");


/**
 * The window of sentence `sent` to tag for reported speech, or null when it has no cue word. The
 * subject sits before the cue and "that"/an object after it: a window around the first cue word is
 * enough; the content runs to the sentence end by offsets.
 */
function reportWindow(text: string, sentences: Sentence[], i: number, quotes: QuoteSpan[]): { start: number; end: number } | null {
  // Asked twice per article (prefetch, then extraction): the last article's answers are kept.
  if (reportWindowCache?.sentences !== sentences || reportWindowCache.quotes !== quotes || reportWindowCache.text !== text) {
    reportWindowCache = { text, sentences, quotes, windows: sentences.map((sent) => findReportWindow(text, sent, quotes)) };
  }
  return reportWindowCache.windows[i]!;
}

const NOT_VERB_BEFORE = /\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those|no|any|some|of|in|on|for|with|united|federal|criminal|new|more|several|multiple|was|were|is|are|been|be|being|get|gets|got)\s+$/i;

/** Can the cue word at `at` in `s` be a reporting verb? (a cheap look at its left neighbour) */
function cueCanReport(s: string, at: number, word: string): boolean {
  if (NOT_VERB_BEFORE.test(s.slice(Math.max(0, at - 12), at))) return false;
  NEXT_WORD.lastIndex = at + word.length;
  const next = NEXT_WORD.exec(s);
  if (!next) return true;
  const w = word.toLowerCase();
  const n = next[1]!.toLowerCase();
  if (!cueUse(w, n)) return false;
  return !(/^charge[ds]$/.test(w) && /^(?:with|of|against|in|for)$/.test(n) && next[0].length > n.length);
}

const NEXT_WORD = /\s*([A-Za-z]+)/y;

/** Is `pos` inside the content of one of `quotes` (in text order)? */
function inQuotation(quotes: QuoteSpan[], pos: number): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (pos < q.start) hi = mid - 1;
    else if (pos >= q.end) lo = mid + 1;
    else return true;
  }
  return false;
}

let reportWindowCache: { text: string; sentences: Sentence[]; quotes: QuoteSpan[]; windows: Array<{ start: number; end: number } | null> } | null = null;

function findReportWindow(text: string, sent: Sentence, quotes: QuoteSpan[]): { start: number; end: number } | null {
  if (sent.isTitle) return null;
  const stext = text.slice(sent.start, sent.end);
  CUE_WORD_G.lastIndex = 0;
  let m = CUE_WORD_G.exec(stext);
  // Skip cue words that cannot be a reporting verb here -- nouns ("the charges", "United States"),
  // passives ("was charged", "were asked"), "charged with" -- to the next one: tagging a window
  // around them finds nothing.
  // Cue words inside quotations are blanked before tagging: the speaker's own "said" is no cue.
  while (m && (!cueCanReport(stext, m.index, m[0]) || inQuotation(quotes, sent.start + m.index))) m = CUE_WORD_G.exec(stext);
  if (!m) return null;
  const cue = sent.start + m.index;
  const cueEnd = cue + m[0].length;
  // "..., police said." needs only the clause after the last comma; "X said that ..." the
  // subject before the cue and a few words after it.
  let lastComma = text.lastIndexOf(",", cue);
  const tail = sent.end - cueEnd < 40 && lastComma > sent.start;
  // "A spokeswoman for the Pentagon, Capt. Jeff Davis, said": a name between the commas is an
  // apposition; its noun phrase is before the comma ahead of it.
  if (tail && /^\s*$/.test(text.slice(lastComma + 1, cue))) {
    const before = text.lastIndexOf(",", lastComma - 1);
    if (before > sent.start && /^,\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}$/.test(text.slice(before, lastComma))) lastComma = before;
  }
  const wa = tail ? Math.max(sent.start, lastComma - 40) : Math.max(sent.start, cue - 80);
  const wb = tail ? sent.end : Math.min(sent.end, cueEnd + 40);
  return { start: wa, end: wb };
}

/** No letter or digit in text[x, y). */
function blankText(text: string, x: number, y: number): boolean {
  return !/[A-Za-z0-9]/.test(text.slice(x, y));
}

/**
 * Reported speech as indirect statements: "X said (that) CONTENT", "CONTENT, X said",
 * "according to X, CONTENT" / "CONTENT, according to X". One per sentence; skipped when the
 * content is itself one quotation (already a direct statement).
 */
function reportedSpeech(text: string, tokens: SentenceTokens, quotes: QuoteSpan[], idx: MentionIndex): Statement[] {
  const out: Statement[] = [];
  const isWholeQuote = (s: number, e: number) => quotes.some((q) => q.open <= s + 1 && (q.close >= 0 ? q.close + 1 : q.end) >= e - 1);
  const make = (mention: string, at: number, cue: string, s: number, e: number, channel: string | null, affiliation: string | null = null): Statement | null => {
    while (e > s && /[\s.,;:!?]/.test(text[e - 1] ?? "")) e--;
    while (s < e && /[\s,]/.test(text[s] ?? "")) s++;
    if (e - s < 12 || isWholeQuote(s, e)) return null;
    const r = resolve(mention, at, idx, null);
    return { speaker: r.speaker, speakerMention: cleanName(mention) || null, affiliation: affiliation ?? r.affiliation, cue, channel: channel ?? (r.outlet && r.speaker ? r.speaker : null), text: text.slice(s, e), start: s, end: e, direct: false };
  };
  tokens.sentences.forEach((sent, sentenceIndex) => {
    const w = reportWindow(text, tokens.sentences, sentenceIndex, quotes);
    if (!w) return;
    const st = reportedIn(sent, tokens.between(w.start, w.end));
    if (st) out.push(st);
  });
  return out;

  /** Reported speech in one sentence: the first cue that has a subject. */
  function reportedIn(sent: { start: number; end: number }, toks: Token[]): Statement | null {
    const n = toks.length;
    // Does the tagged window reach the sentence end (needed to see that nothing follows the cue)?
    const reachesEnd = n > 0 && sent.end - toks[n - 1]!.end <= 2;
    const first = toks.findIndex((t, k) => (t.lower === "according" && toks[k + 1]?.lower === "to") || isCue(toks, k));
    if (first < 0) return null;
    // according to X, CONTENT  /  CONTENT, according to X.
    if (toks[first]!.lower === "according" && toks[first + 1]?.lower === "to") {
      const k = first;
      const np = npRight(toks, k + 2);
      if (!np) return null;
      // "according to a spokesman for the ministry, …": the modifier's common noun ends it.
      const OF = /^(?:of|for|at|with|in)$/;
      if (OF.test(toks[np.e]?.lower ?? "")) {
        for (let j = np.e + 1; j < n && j - np.e < 6; j++) {
          const t = toks[j]!;
          if (t.lower === ",") {
            np.e = j;
            break;
          }
          if (!(npTok(t) || t.pos === "DET" || OF.test(t.lower))) break;
        }
      }
      const mention = span(text, toks, np.s, np.e);
      if (toks[np.e]?.lower === "," && blankText(text, sent.start, toks[k]!.start)) return make(mention, toks[np.s]!.start, "according to", toks[np.e]!.end, sent.end, null);
      if (k > 0 && toks[k - 1]!.lower === "," && blankText(text, toks[np.e - 1]!.end, sent.end)) return make(mention, toks[np.s]!.start, "according to", sent.start, toks[k - 1]!.start, null);
      return null;
    }
    for (let c = first; c < n; c++) {
      if (!isCue(toks, c)) continue;
      // CONTENT, X said.  /  CONTENT, said X.
      if (c > 0 && toks[c - 1]!.lower === ",") {
        const np = npRight(toks, c + 1);
        if (np && sent.end - toks[np.e - 1]!.end < 25 && reachesEnd && plausibleSpeaker(toks, np.s, np.e)) {
          return make(span(text, toks, np.s, np.e), toks[np.s]!.start, toks[c]!.text, sent.start, toks[c - 1]!.start, null);
        }
      }
      const subj = cueSubject(toks, c, 0);
      if (!subj || !plausibleSpeaker(toks, subj.s, subj.e)) continue;
      const before = toks[subj.s - 1];
      // "CONTENT, X said (Tuesday)." -- not "After the meeting, the ambassador charged that ...":
      // a "that" clause after the cue is its content.
      const tailOnly = toks[c + 1]?.lower !== "that" && toks[c + 1]?.lower !== ":" && sent.end - toks[c]!.end < 45;
      if (before && before.lower === "," && toks[subj.s]!.start - sent.start > 10 && reachesEnd && tailOnly && !toks.slice(c + 1).some((t) => t.pos === "VERB") && !/[“"]/.test(text.slice(toks[c]!.end, sent.end))) {
        return make(span(text, toks, subj.s, subj.e), toks[subj.s]!.start, toks[c]!.text, sent.start, before.start, null);
      }
      // X said (that) CONTENT / X told the Times (that) CONTENT
      const who = attribution(text, toks, c, subj, "pre");
      let k = c + 1;
      let channel: string | null = null;
      if (OBJECT_CUES.test(toks[c]!.lower)) {
        channel = channelAfter(text, toks, c);
        const obj = npRight(toks, k);
        if (obj) k = obj.e;
      }
      while (k < n && /^(?:,|that|:)$/.test(toks[k]!.lower)) k++;
      // "“...,” it declared, blandly adding: “...”": the report continues with a participle cue;
      // its content is what follows it (here the quotation, already a direct statement).
      if (toks[k]?.pos === "ADV" && /ing$/.test(toks[k + 1]?.lower ?? "")) k++;
      if (/ing$/.test(toks[k]?.lower ?? "") && SPEECH_VERBS.has(toks[k]!.lower)) {
        k++;
        while (k < n && /^(?:,|that|:)$/.test(toks[k]!.lower)) k++;
      }
      // "said in a statement that", "said on Monday that", "said Monday that"
      k = contentStart(toks, k);
      if (!toks[k] || sent.end - toks[k]!.start < 12) return null;
      return make(who.mention, who.at, toks[c]!.text, toks[k]!.start, sent.end, channel, who.affiliation);
    }
    return null;
  }
}

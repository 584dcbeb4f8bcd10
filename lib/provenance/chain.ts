/**
 * The attribution chain of a claim or a statement: who says the outlet got it from whom.
 * outlet → the original it republishes (declared or detected) or the outlet/agency it cites
 * ("told the New York Times", "according to Reuters") → the authority (a ministry, a monitor
 * group, a named speaker). "Mondialisation.ca → World Socialist Web Site → Syrian army".
 */
import type { Origin } from "./copies";
import { authorityLabel, outletNameKey } from "./normalise";

export type LinkRole = "outlet" | "original" | "cited" | "agency" | "authority";

export interface AttributionLink {
  role: LinkRole;
  name: string;
  /**
   * How the link is known: an original "declared" by the article, "detected" as near-duplicate
   * text (or both, "declared, detected"); a "channel" the statement was given to ("told the
   * New York Times"); the authority's affiliation for a speaker.
   */
  note?: string;
}

/**
 * Wire and news agencies by name. Outlets registered as wire in the event are added by the
 * caller; names that say they are an agency match like `profileOutlet` does.
 */
const AGENCY =
  /^(?:the\s+)?(?:ap|associated press|reuters|afp|agence france[- ]presse|dpa|deutsche presse-agentur|efe|ansa|upi|united press international|xinhua|tass|ria novosti|interfax|sputnik|sana|syrian arab news agency|anadolu(?: agency)?|irna|kyodo(?: news)?|yonhap|press trust of india|bernama)$/i;
const AGENCY_WORD = /\b(wire|news agency|press agency|agence de presse|nachrichtenagentur|agencia de noticias)\b/i;

export interface ChainContext {
  /** The article's outlet name. */
  outletName: string;
  /** The article's origin (resolveOrigins); absent or "own" for the outlet's own reporting. */
  origin?: Origin;
  /** Names of the event's outlets, so an authority that is an outlet is read as a cited outlet. */
  outletNames?: Iterable<string>;
  /** Names of the event's outlets registered as wire agencies. */
  wireNames?: Iterable<string>;
}

/** True for a wire or news agency's name ("Reuters", "AFP", "Levant Wire", a registered wire outlet). */
export function isAgency(name: string, wireNames: Iterable<string> = []): boolean {
  const n = agencyName(name);
  return n.agency || nameKeys(wireNames).has(n.key);
}

/** Agency names already read (bounded like lib/provenance/normalise.ts's memos): an event repeats a few channels and authorities. */
const agencyNames = new Map<string, { agency: boolean; key: string }>();

function agencyName(name: string): { agency: boolean; key: string } {
  let n = agencyNames.get(name);
  if (!n) {
    const trimmed = name.trim().replace(/[.,;:]+$/, "");
    n = { agency: AGENCY.test(trimmed) || AGENCY_WORD.test(trimmed), key: outletNameKey(trimmed) };
    if (agencyNames.size >= 10_000) agencyNames.clear();
    agencyNames.set(name, n);
  }
  return n;
}

function isOutlet(name: string, outletNames: Iterable<string> = []): boolean {
  return nameKeys(outletNames).has(outletNameKey(name));
}

/** Name keys per list of names: an event page builds every chain against the same lists (hundreds of outlets × thousands of claims). */
const keysByList = new WeakMap<Iterable<string>, Set<string>>();

function nameKeys(names: Iterable<string>): Set<string> {
  let keys = keysByList.get(names);
  if (!keys) {
    keys = new Set<string>();
    for (const n of names) keys.add(outletNameKey(n));
    // Only arrays and sets are stable enough to reuse (a generator is read once).
    if (Array.isArray(names) || names instanceof Set) keysByList.set(names, keys);
  }
  return keys;
}

function push(chain: AttributionLink[], link: AttributionLink) {
  const key = outletNameKey(link.name);
  // A link that repeats the previous one ("Levant Wire → Levant Wire") adds nothing.
  if (key && chain.some((l) => l.role !== "authority" && outletNameKey(l.name) === key)) return;
  chain.push(link);
}

/**
 * Heads per context: an article's claims and statements share its context, so its head is built
 * once (each chain gets its own array; the links are shared and never changed).
 */
const heads = new WeakMap<ChainContext, AttributionLink[]>();

/** outlet → the original the article republishes (declared or detected), if any. */
function head(ctx: ChainContext): AttributionLink[] {
  let chain = heads.get(ctx);
  if (!chain) {
    chain = buildHead(ctx);
    heads.set(ctx, chain);
  }
  return [...chain];
}

function buildHead(ctx: ChainContext): AttributionLink[] {
  const chain: AttributionLink[] = [{ role: "outlet", name: ctx.outletName }];
  const o = ctx.origin;
  if (o?.kind === "copy") {
    push(chain, { role: isAgency(o.outletName, ctx.wireNames) ? "agency" : "original", name: o.outletName, note: o.via.join(", ") });
  } else if (o?.kind === "declared") {
    push(chain, { role: isAgency(o.sourceName, ctx.wireNames) ? "agency" : "original", name: o.sourceName, note: "declared" });
  }
  return chain;
}

/**
 * A casualty figure's chain. An authority that is itself an agency or an outlet ("according to
 * Reuters") is a relay, not the authority: the chain then ends without one.
 */
export function claimChain(ctx: ChainContext, authority: string | null): AttributionLink[] {
  const chain = head(ctx);
  const a = authority?.trim();
  if (!a) return chain;
  if (isAgency(a, ctx.wireNames)) push(chain, { role: "agency", name: authorityLabel(a) });
  else if (isOutlet(a, ctx.outletNames)) push(chain, { role: "cited", name: authorityLabel(a) });
  else chain.push({ role: "authority", name: authorityLabel(a) });
  return chain;
}

/** A statement's chain: outlet → original → the outlet it was given to (channel) → the speaker (affiliation). */
export function statementChain(
  ctx: ChainContext,
  s: { channel: string | null; speaker: string | null; speakerMention: string | null; affiliation: string | null },
): AttributionLink[] {
  const chain = head(ctx);
  const channel = s.channel?.trim();
  if (channel) push(chain, { role: isAgency(channel, ctx.wireNames) ? "agency" : "cited", name: authorityLabel(channel), note: "channel" });
  const speaker = (s.speaker ?? s.speakerMention)?.trim();
  if (speaker) chain.push({ role: "authority", name: speaker, ...(s.affiliation ? { note: s.affiliation } : {}) });
  return chain;
}

/** The final authority of a chain, or null when the chain names none. */
export function chainAuthority(chain: AttributionLink[]): string | null {
  const last = chain[chain.length - 1];
  return last?.role === "authority" ? last.name : null;
}

/** "Mondialisation.ca → World Socialist Web Site → Syrian army"; "(no authority named)" ends a chain without one. */
export function formatChain(chain: AttributionLink[], opts: { unattributed?: string } = {}): string {
  const names = chain.map((l) => l.name);
  if (chainAuthority(chain) === null && opts.unattributed) names.push(opts.unattributed);
  return names.join(" → ");
}

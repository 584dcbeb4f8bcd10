"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { ClaimEvidence } from "@/lib/schemas/dto";
import type { ArticleInfo } from "./evidence";

interface EvidenceContextValue {
  eventId: string;
  /** The articles of the figures the page renders (not every article of the event: it is sent to the browser). */
  articles: Record<string, ArticleInfo>;
  /** The event's shown articles are in several languages; else derived from `articles`. */
  mixedLanguages?: boolean;
}

const EvidenceContext = createContext<EvidenceContextValue | null>(null);

/**
 * What every figure on the event page needs to show its evidence, sent once: the event (to ask
 * for sentences) and the articles' titles, outlets and dates.
 */
export function EvidenceProvider({ eventId, articles, mixedLanguages, children }: EvidenceContextValue & { children: ReactNode }) {
  return <EvidenceContext.Provider value={{ eventId, articles, mixedLanguages }}>{children}</EvidenceContext.Provider>;
}

const NO_ARTICLES: Record<string, ArticleInfo> = {};

/** The page's articles by id (title, outlet, date), for figures to name their source. */
export function useArticleIndex(): Record<string, ArticleInfo> {
  return useContext(EvidenceContext)?.articles ?? NO_ARTICLES;
}

export function useArticleInfo(articleId: string): ArticleInfo | undefined {
  return useArticleIndex()[articleId];
}

/** Languages of the page's articles, computed once per page (every figure asks). */
const languageCache = new WeakMap<Record<string, ArticleInfo>, number>();

/** True when the page's articles are in more than one language: figures then mark theirs. */
export function useMixedLanguages(): boolean {
  const given = useContext(EvidenceContext)?.mixedLanguages;
  const index = useArticleIndex();
  if (given !== undefined) return given;
  let n = languageCache.get(index);
  if (n === undefined) {
    n = new Set(Object.values(index).map((a) => a.language).filter(Boolean)).size;
    languageCache.set(index, n);
  }
  return n > 1;
}

type EvidenceState = { status: "loading" } | { status: "ready"; evidence: ClaimEvidence } | { status: "error"; message: string };

/** Sentences already fetched (or being fetched), by event and claim: each is asked for once per page. */
const cache = new Map<string, Promise<ClaimEvidence>>();

function fetchEvidence(eventId: string, claimId: number): Promise<ClaimEvidence> {
  const key = `${eventId}:${claimId}`;
  let p = cache.get(key);
  if (!p) {
    p = fetch(`/api/events/${encodeURIComponent(eventId)}/evidence?claim=${claimId}`, { headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? "This figure is no longer in the event; reload the page." : `The server answered ${res.status}; try again.`);
        const body = (await res.json()) as { claims: ClaimEvidence[] };
        const found = body.claims.find((c) => c.id === claimId);
        if (!found) throw new Error("This figure is no longer in the event; reload the page.");
        return found;
      })
      .catch((err: unknown) => {
        cache.delete(key);
        throw err instanceof Error ? err : new Error(String(err));
      });
    cache.set(key, p);
  }
  return p;
}

/** A claim's evidence sentence, fetched when `enabled` first becomes true. */
export function useClaimEvidence(claimId: number, enabled: boolean): EvidenceState | null {
  const eventId = useContext(EvidenceContext)?.eventId;
  const [state, setState] = useState<EvidenceState | null>(null);
  const wanted = enabled && eventId !== undefined;
  useEffect(() => {
    if (!wanted || !eventId) return;
    let live = true;
    fetchEvidence(eventId, claimId).then(
      (evidence) => live && setState({ status: "ready", evidence }),
      (err: Error) => live && setState({ status: "error", message: err.message }),
    );
    return () => {
      live = false;
    };
  }, [wanted, eventId, claimId]);
  if (!wanted) return state;
  return state ?? { status: "loading" };
}

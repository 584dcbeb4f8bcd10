/**
 * The Atom 1.0 feed of one follow (RFC 4287), built with fast-xml-parser's XMLBuilder so every
 * value is escaped by the library, not by hand. Ids are tag URIs (RFC 4151): stable whatever
 * host the dashboard is reached on.
 */
import { XMLBuilder } from "fast-xml-parser";

export interface AtomFollow {
  id: number;
  label: string;
  kind: string;
  target: string;
  createdAt: string;
}

export interface AtomChange {
  id: number;
  kind: string;
  summary: string;
  eventId: string | null;
  articleId: string | null;
  createdAt: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
});

const KIND_TITLES: Record<string, string> = {
  new_outlet: "New outlet",
  new_figure: "New figure",
  divergence_crossed: "Divergence threshold crossed",
  figure_revised: "Figure revised",
  quote_revised: "Quote revised",
  new_article: "New article",
};

/** Where a change points in the dashboard: its article, else its event, else the notifications page. */
export function changeHref(change: Pick<AtomChange, "eventId" | "articleId">, followId: number): string {
  if (change.articleId) return `/articles/${encodeURIComponent(change.articleId)}`;
  if (change.eventId) return `/events/${encodeURIComponent(change.eventId)}`;
  return `/notifications?follow=${followId}`;
}

/**
 * The feed document. `origin` is the dashboard's public origin (links are absolute, as feed
 * readers need); `selfUrl` the feed's own URL without credentials. Entries newest first.
 */
export function buildAtomFeed(follow: AtomFollow, changes: AtomChange[], opts: { origin: string; selfUrl: string }): string {
  const tagBase = `tag:parallax,2026:follow/${follow.id}`;
  const updated = changes[0]?.createdAt ?? follow.createdAt;
  const feed = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      id: tagBase,
      title: `Parallax: ${follow.label}`,
      subtitle: `Changes to a followed ${follow.kind} (${follow.target})`,
      updated,
      author: { name: "Parallax" },
      generator: "Parallax",
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": opts.selfUrl },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": `${opts.origin}/notifications?follow=${follow.id}` },
      ],
      entry: changes.map((c) => ({
        id: `${tagBase}/change/${c.id}`,
        title: `${KIND_TITLES[c.kind] ?? c.kind}: ${c.summary}`,
        updated: c.createdAt,
        published: c.createdAt,
        category: { "@_term": c.kind },
        link: { "@_rel": "alternate", "@_type": "text/html", "@_href": `${opts.origin}${changeHref(c, follow.id)}` },
        summary: { "@_type": "text", "#text": c.summary },
      })),
    },
  };
  return builder.build(feed) as string;
}

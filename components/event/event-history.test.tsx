import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EventActionItem } from "@/lib/schemas/actions";
import { EventHistory, MOVE_TITLES_SHOWN } from "./event-history";

const event = (id: string, articleCount: number) => ({ id, title: `Event ${id}`, articleCount });
const articles = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a_${i}`, title: `Article ${i}`, from: "ev_old" }));

function item(payload: EventActionItem["payload"], role: EventActionItem["role"]): EventActionItem {
  return { id: 1, action: payload.action, actor: "analyst", createdAt: "2026-11-27T10:00:00.000Z", role, payload };
}

/** The rendered text, without tags. */
function text(items: EventActionItem[]): string {
  return renderToStaticMarkup(<EventHistory items={items} />).replace(/<[^>]+>/g, "");
}

describe("EventHistory", () => {
  it("counts a merge's moved articles without listing them", () => {
    const out = text([item({ action: "merge", target: event("ev_t", 3000), sources: [event("ev_s", 2999)], articles: articles(2999) }, "source")]);
    expect(out).toContain("2999 articles moved");
    expect(out).not.toContain("Article 0");
  });

  it("names a move's first articles and counts the rest", () => {
    const moved = articles(MOVE_TITLES_SHOWN + 15);
    const out = text([item({ action: "move", to: event("ev_to", 40), articles: moved, deletedEvents: [] }, "to")]);
    expect(out).toContain(`${moved.length} articles moved here`);
    for (const a of moved.slice(0, MOVE_TITLES_SHOWN)) expect(out).toContain(`“${a.title}”`);
    expect(out).not.toContain(`“${moved[MOVE_TITLES_SHOWN]!.title}”`);
    expect(out).toContain("and 15 more.");
  });

  it("lists every title of a short move", () => {
    const out = text([item({ action: "move", to: event("ev_to", 3), articles: articles(2), deletedEvents: [] }, "to")]);
    expect(out).toContain("2 articles moved here: “Article 0”, “Article 1”.");
  });
});

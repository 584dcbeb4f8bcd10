import { expect, test, type APIRequestContext } from "@playwright/test";
import { open } from "./helpers";

/**
 * Alerts: an analyst follows an event, a new article about it arrives through the API, and the
 * change shows on the Notifications page (with the unread count in the navigation) and in the
 * follow's Atom feed. The spec creates its own event (a fictional dam breach no other spec reads).
 */

const DAY = "2026-10-03";

const record = (outlet: { name: string; domain: string }, slug: string, title: string, text: string) => ({
  url: `https://${outlet.domain}/${DAY}/${slug}`,
  title,
  text,
  date: DAY,
  outlet,
});

const first = record(
  { name: "Harbour Ledger", domain: "harbourledger.example" },
  "valtoria-dam-breach",
  "Dam breach floods Valtoria valley, at least 9 dead",
  "At least 9 people were killed when the Valtoria dam breached on Friday night and flood water swept through the villages of the Valtoria valley, the regional civil protection agency said.\n\n" +
    "Rescue crews in Valtoria were searching flooded houses for survivors on Saturday.",
);
const second = record(
  { name: "Northline Courier", domain: "northlinecourier.example" },
  "valtoria-flood-toll",
  "Valtoria dam breach: flood toll rises to 14",
  "The toll from the Valtoria dam breach rose to 14 dead on Saturday, the regional civil protection agency said, as flood water still covered villages in the Valtoria valley.\n\n" +
    "Engineers were inspecting what was left of the Valtoria dam.",
);

async function ingest(request: APIRequestContext, records: unknown[]): Promise<string[]> {
  const res = await request.post("/api/ingest", { headers: { "content-type": "application/json" }, data: JSON.stringify(records) });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { items: { status: string; articleId: string | null }[] };
  expect(body.items.map((i) => i.status)).toEqual(records.map(() => "added"));
  return body.items.map((i) => i.articleId!);
}

test("follow an event, ingest a new article for it, see the notification", async ({ page, request }) => {
  const [firstId] = await ingest(request, [first]);
  const { eventId } = (await (await request.get(`/api/articles/${firstId}`)).json()) as { eventId: string | null };
  expect(eventId).toBeTruthy();

  await open(page, `/events/${eventId}`);
  await page.getByRole("button", { name: "Follow this event" }).click();
  const form = page.getByRole("form", { name: "Follow this event" });
  await form.getByLabel("Alert when divergence crosses (%)").fill("20");
  await form.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("link", { name: "Following this event" })).toBeVisible();

  // A second outlet reports the same event with another toll.
  const [secondId] = await ingest(request, [second]);

  await open(page, "/notifications");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Notifications \d+ unread$/ })).toBeVisible();
  const changes = page.getByRole("list", { name: "Changes" });
  const newOutlet = changes.getByRole("listitem").filter({ hasText: "Northline Courier now covers" });
  await expect(newOutlet).toHaveCount(1);
  await expect(newOutlet).toContainText("new outlet");
  await expect(newOutlet).toContainText("unread");
  await expect(changes.getByRole("listitem").filter({ hasText: "New figure in" }).filter({ hasText: "14 killed" })).toHaveCount(1);
  await expect(changes.getByRole("listitem").filter({ hasText: "new article" })).toHaveCount(1);
  await expect(newOutlet.getByRole("link")).toHaveAttribute("href", `/articles/${secondId}`);

  // Mark it read: the item loses its unread mark.
  await newOutlet.getByRole("button", { name: "Mark read" }).click();
  await expect(newOutlet).not.toContainText("unread");

  // The same change in the follow's Atom feed.
  const follows = (await (await request.get("/api/follows")).json()) as { follows: { id: number; kind: string; target: string }[] };
  const follow = follows.follows.find((f) => f.kind === "event" && f.target === eventId)!;
  const atom = await request.get(`/api/follows/${follow.id}/atom`);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await atom.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain("New outlet: Northline Courier now covers");
});

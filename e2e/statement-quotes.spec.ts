import { expect, test } from "@playwright/test";

/**
 * Statements by speaker: an outlet's quotes beyond the first two sit behind "N more from
 * <outlet>", rendered only when the disclosure is opened. The spec ingests its own article: one
 * outlet quoting one speaker three times.
 */

const MARK = `Brindlewick${Date.now().toString(36)}`;
const QUOTES = [
  "We are still pulling people from the rubble",
  "The hospitals are asking for blood donors tonight",
  `Every family in ${MARK} has lost someone today`,
];

test("the third quote of an outlet opens from its disclosure, with its attribution and article link", async ({ page, request }) => {
  const text = [
    `At least 9 people were killed when a bridge collapsed in ${MARK} on Monday, the civil defence said.`,
    ...QUOTES.map((q) => `"${q}," the provincial governor, Amal Haddad, told reporters at the scene.`),
  ].join("\n\n");
  const res = await request.post("/api/ingest", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify([
      { url: `https://quotes.example/${MARK}`, title: `${MARK} bridge collapse kills 9`, text, outlet: "Quote Gazette", publishedAt: "2026-11-16T08:00:00Z" },
    ]),
  });
  expect(res.status(), await res.text()).toBe(200);
  const list = await request.get(`/api/articles?q=${MARK}`);
  const { rows } = (await list.json()) as { rows: { id: string; eventId: string | null }[] };
  expect(rows).toHaveLength(1);
  const eventId = rows[0]!.eventId!;
  expect(eventId).toBeTruthy();

  await page.goto(`/events/${encodeURIComponent(eventId)}`);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  // "Statements by speaker" loads from the browser when it nears the viewport.
  const statements = page.getByRole("region", { name: "Statements by speaker" });
  await statements.scrollIntoViewIfNeeded();
  // The speaker's section (however the extractor names the speaker): its quotes as direct quotes.
  const quote = (q: string) => `“${q},”`;
  const section = statements.getByRole("region").filter({ has: page.getByText(quote(QUOTES[0]!), { exact: true }) });
  await expect(section).toHaveCount(1);
  const third = section.getByText(quote(QUOTES[2]!), { exact: true });
  await expect(section.getByText(quote(QUOTES[1]!), { exact: true })).toBeVisible();
  // Closed, the third quote is not rendered.
  await expect(third).toHaveCount(0);
  const more = section.getByText("1 more from Quote Gazette", { exact: true });
  await more.click();
  await expect(third).toBeVisible();
  await expect(section.getByRole("link", { name: /open the article “.*bridge collapse kills 9”/ })).toHaveCount(3);
  // Closed again, the quote is gone; opened with the keyboard, it is back.
  await more.click();
  await expect(third).toHaveCount(0);
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(third).toBeVisible();
});

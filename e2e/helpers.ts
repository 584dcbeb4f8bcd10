import { expect, type APIRequestContext, type Page, type Response } from "@playwright/test";

/**
 * Go to `url` and wait until React has hydrated (the layout sets the marker): clicks before it are
 * lost. Returns the navigation's response (its status, its headers).
 */
export async function open(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  expect(response, `no response for ${url}`).not.toBeNull();
  return response!;
}

/** The demo corpus's seed article (the Deir ez-Zor strike, republished by Mondialisation.ca) and its event. */
export async function strikeArticle(request: APIRequestContext): Promise<{ eventId: string; articleId: string }> {
  const res = await request.get(`/api/articles?q=${encodeURIComponent("US Bombs Syrian Army")}&pageSize=5`);
  const { rows } = (await res.json()) as { rows: { id: string; eventId: string | null }[] };
  const row = rows.find((r) => r.eventId);
  expect(row).toBeTruthy();
  return { eventId: row!.eventId!, articleId: row!.id };
}

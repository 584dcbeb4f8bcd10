/**
 * How the grouping of a bench corpus agrees with the generator's events: pairwise precision
 * (pairs of articles put in one event that the generator wrote for one event) and recall (pairs
 * the generator wrote for one event that share an event), counted as the memberships stream in,
 * so a million articles need memory for the cells (event x generated event), not the articles.
 */

/** The generated event an article belongs to, from its URL (`…-<event>-<k>` or `/wire/<event>-<k>`), or null. */
export function generatedEventOf(url: string | null | undefined): string | null {
  const m = /\/wire\/(\d+)-\d+$|-(\d+)-\d+$/.exec(url ?? "");
  return m ? (m[1] ?? m[2]!) : null;
}

export interface GroupingAgreement {
  articles: number;
  events: number;
  generatedEvents: number;
  largestEvent: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export class GroupingCounter {
  private readonly cells = new Map<string, number>();
  private readonly events = new Map<string, number>();
  private readonly generated = new Map<string, number>();
  private articles = 0;

  /** One article: the event the grouper put it in and the event the generator wrote it for. */
  add(event: string, generated: string): void {
    this.articles++;
    const cell = `${event}\u0000${generated}`;
    this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
    this.events.set(event, (this.events.get(event) ?? 0) + 1);
    this.generated.set(generated, (this.generated.get(generated) ?? 0) + 1);
  }

  result(): GroupingAgreement {
    let together = 0;
    for (const n of this.cells.values()) together += pairs(n);
    let grouped = 0;
    let largest = 0;
    for (const n of this.events.values()) {
      grouped += pairs(n);
      largest = Math.max(largest, n);
    }
    let written = 0;
    for (const n of this.generated.values()) written += pairs(n);
    return {
      articles: this.articles,
      events: this.events.size,
      generatedEvents: this.generated.size,
      largestEvent: largest,
      pairwisePrecision: grouped ? together / grouped : 1,
      pairwiseRecall: written ? together / written : 1,
    };
  }
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseSeedText } from "./index";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "seed-deir-ez-zor.txt");
const SHARED_SEEDS = path.resolve(import.meta.dirname, "../../../shared/seeds");

describe("parseSeedText on the Mondialisation.ca seed", () => {
  const { articles, errors } = parseSeedText(readFileSync(FIXTURE, "utf8"), { source: "seed-deir-ez-zor.txt" });
  const a = articles[0]!;

  test("parses one article without errors", () => {
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
  });

  test.each([
    ["title", "62 Dead, 100 Wounded as US Bombs Syrian Army Near Deir ez-Zor. Bombing Was in Support of ISIS-Daesh Militia"],
    ["author", "Alex Lantier"],
    ["outlet", { name: "Mondialisation.ca", domain: "mondialisation.ca" }],
    ["publishedAt", "2016-09-20"],
    ["originalSource", { name: "World Socialist Web Site", url: null }],
    ["tags", ["Middle East & North Africa", "Crimes against Humanity", "Terrorism", "US NATO War Agenda", "SYRIA"]],
    ["language", "en"],
    ["url", null],
    ["canonicalUrl", null],
    ["externalId", null],
  ] as const)("%s", (field, expected) => {
    expect(a[field]).toEqual(expected);
  });

  test("text runs from the first to the last English paragraph", () => {
    expect(a.text.startsWith("At least sixty-two Syrian troops died and 100 were wounded on Saturday")).toBe(true);
    expect(a.text.endsWith("as a result of Moscow’s annexation of the Crimea region of Ukraine.”")).toBe(true);
  });

  test("paragraphs are separated by one blank line, verbatim (the scraper's mid-sentence split kept)", () => {
    expect(a.text).toContain("told the press. However, the US\n\nCentral Command (Centcom), responsible");
    expect(a.text).not.toMatch(/\n{3,}/);
    expect(a.text.split("\n\n")).toHaveLength(21);
  });

  test.each([
    ["link syntax", "]("],
    ["emphasis", "*"],
    ["header label", "Région"],
    ["byline", "Par "],
  ])("no %s left in the text", (_what, fragment) => {
    expect(a.text).not.toContain(fragment);
  });

  test("emphasis keeps its words", () => {
    expect(a.text).toContain("told the New York Times that US surveillance");
    expect(a.text).toContain("This assessment was echoed by the DEBKA File publication");
  });

  test.each([
    "La source originale",
    "Copyright",
    "Articles Par",
    "Avis de non-responsabilité",
    "Le Centre de recherche",
    "Pour publier",
    "contient du matériel",
    "Contact média",
    "media@globalresearch.ca",
  ])("footer %j is not in the text", (fragment) => {
    expect(a.text).not.toContain(fragment);
  });
});

/** The same layout as Global Research prints it in English, written for this test. */
const ENGLISH_PAGE = `# Dam Burst Leaves 40 Missing in Northern Valley

By [Jane Roe](https://example.org/authors/jane-roe)

Global Research, September 21, 2016

[Valley Courier](https://valley-courier.example/news/dam) 20 September 2016

Region: [Europe](#)

Theme: [Environment](#), [Disasters](#)

In-depth Report: [FLOODS](#)

At least forty people are missing after a dam burst upstream of the town, **officials** said on Tuesday. Rescue teams searched the river banks through the night.

Residents described a wall of water. "It came in seconds," said one farmer, who lost his barn.

The original source of this article is [Valley Courier](https://valley-courier.example/news/dam)
Copyright © [Jane Roe](#), [Valley Courier](#), 2016

Disclaimer: The contents of this article are of sole responsibility of the author(s).

www.globalresearch.ca contains copyrighted material the use of which has not always been specifically authorized.

For media inquiries: publications@example.org`;

describe("parseSeedText on other pages of the format", () => {
  test("English labels, dates and footer", () => {
    const { articles, errors } = parseSeedText(ENGLISH_PAGE);
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: "Dam Burst Leaves 40 Missing in Northern Valley",
      author: "Jane Roe",
      outlet: { name: "Global Research", domain: null },
      publishedAt: "2016-09-21",
      originalSource: { name: "Valley Courier", url: "https://valley-courier.example/news/dam" },
      tags: ["Europe", "Environment", "Disasters", "FLOODS"],
      language: "en",
      text:
        "At least forty people are missing after a dam burst upstream of the town, officials said on Tuesday. Rescue teams searched the river banks through the night.\n\n" +
        'Residents described a wall of water. "It came in seconds," said one farmer, who lost his barn.',
    });
  });

  test("a footer line glued to the last paragraph still ends the body", () => {
    const page = "Title\n\nSome body text that matters here.\nLa source originale de cet article est [Le Courrier](#)\nCopyright © X, 2020";
    const a = parseSeedText(page).articles[0]!;
    expect(a.text).toBe("Some body text that matters here.");
    expect(a.originalSource).toEqual({ name: "Le Courrier", url: null });
  });

  test.each([
    ["a sentence opening with By is body, not a byline", "By Tuesday evening, the toll had risen to twelve.", null],
    ["French byline with several names", "Par [Marie Curie](#) et Pierre Curie", "Marie Curie et Pierre Curie"],
    ["author label", "Author: Sam Poe", "Sam Poe"],
  ])("%s", (_name, line, author) => {
    const page = `A title\n\n${line}\n\nThe body of the article follows here, long enough to stand alone.`;
    expect(parseSeedText(page).articles[0]?.author).toBe(author);
  });

  test.each([
    ["French date line", "Le Devoir, 1er octobre 2016", { name: "Le Devoir", domain: null }, "2016-10-01"],
    ["English date line with a domain name", "www.example.com, October 1, 2016", { name: "www.example.com", domain: "example.com" }, "2016-10-01"],
    ["a bare date", "Published 3 Oct 2016", null, "2016-10-03"],
  ])("%s", (_name, line, outlet, date) => {
    const a = parseSeedText(`Title\n\n${line}\n\nBody text of the article, in one paragraph.`).articles[0]!;
    expect(a.outlet).toEqual(outlet);
    expect(a.publishedAt).toBe(date);
    expect(a.text).toBe("Body text of the article, in one paragraph.");
  });

  test("front matter wins over the header, and the url gives the domain", () => {
    const page = "---\ntitle: From front matter\ndate: 2020-02-03\nurl: https://www.news.example/a?utm_source=x\nlang: fr\ntags: [a, b]\n---\nBody only, no header at all.";
    expect(parseSeedText(page).articles[0]).toMatchObject({
      title: "From front matter",
      publishedAt: "2020-02-03",
      url: "https://www.news.example/a?utm_source=x",
      canonicalUrl: "https://news.example/a",
      outlet: { name: "news.example", domain: "news.example" },
      language: "fr",
      tags: ["a", "b"],
      text: "Body only, no header at all.",
    });
  });

  test("markdown images, headings and rules go; CRLF is read as LF", () => {
    const page = "Title\r\n\r\n![photo](x.jpg)\r\n\r\n## A subhead\r\n\r\n---\r\n\r\nA [linked](http://x.example) _word_ and 5 * 3 * 2 stay.";
    expect(parseSeedText(page).articles[0]?.text).toBe("A subhead\n\nA linked word and 5 * 3 * 2 stay.");
  });

  test.each([
    ["an empty page", "\n\n  \n", "empty page: no title block"],
    ["a page with only a header", "Title\n\nBy Jane Roe\n\nLa source originale de cet article est X", "no body text between the header and the footer"],
  ])("%s is an ItemError naming the source", (_name, page, reason) => {
    expect(parseSeedText(page, { source: "s.txt" })).toEqual({ articles: [], errors: [{ item: "s.txt", reason }] });
  });
});

describe.skipIf(!existsSync(SHARED_SEEDS))("every seed in ../shared/seeds", () => {
  const files = existsSync(SHARED_SEEDS) ? readdirSync(SHARED_SEEDS).filter((f) => f.endsWith(".txt")) : [];
  test.each(files)("%s parses to one article with no footer in its text", (file) => {
    const { articles, errors } = parseSeedText(readFileSync(path.join(SHARED_SEEDS, file), "utf8"), { source: file });
    expect(errors).toEqual([]);
    expect(articles[0]?.title).not.toBe("");
    expect(articles[0]?.text).not.toMatch(/La source originale|Copyright ©|Avis de non-responsabilité|\]\(/);
  });

  test("the fixture is the shared seed, byte for byte", () => {
    expect(readFileSync(FIXTURE)).toEqual(readFileSync(path.join(SHARED_SEEDS, "000_e169762a8f106654.txt")));
  });
});

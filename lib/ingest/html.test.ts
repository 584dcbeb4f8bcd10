import { describe, expect, test } from "vitest";
import { parseHtml } from "./index";

// Hand-written pages: each one exercises a different source of metadata.

const FULL_PAGE = `<!doctype html>
<html lang="en-GB"><head>
<title>Flood kills 12 in river town | The Daily Example</title>
<meta property="og:title" content="Flood kills 12 in river town">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2021-07-15T08:30:00+01:00">
<meta name="keywords" content="floods, weather, floods">
<link rel="canonical" href="/news/flood?utm_source=rss">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Flood kills 12","datePublished":"2021-07-15T08:30:00+01:00",
 "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"Sam Poe"}],
 "publisher":{"@type":"Organization","name":"Daily Example Ltd"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
 <h1>Flood kills 12 in river town</h1>
 <p class="byline">By Jane Roe</p>
 <time datetime="2021-07-15">15 July</time>
 <p>Twelve people died when the river burst its banks on Wednesday night, officials said.
    The water rose by two metres in under an hour, according to the <a href="/council">local council</a>.</p>
 <p>“We lost everything,” said one resident, who asked not to be named. Rescue teams worked through the night.</p>
 <figure><img src="a.jpg" alt=""><figcaption>Rescuers at work. Photo: 12 dead</figcaption></figure>
 <p>The regional governor said another <em>30 people</em> were injured.<br>More rain is expected.</p>
 <ul><li>Roads closed: 4</li><li>Schools closed: 9</li></ul>
</article>
<footer>© 2021 Daily Example. All rights reserved. Subscribe now!</footer>
</body></html>`;

const GRAPH_PAGE = `<html><head>
<script type="application/ld+json">{ broken json </script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"ignored"},
 {"@type":["ReportageNewsArticle"],"headline":"Incendie dans une usine : trois blessés",
  "datePublished":"2019-03-04","author":"Marie Dupont","inLanguage":"fr-FR",
  "publisher":{"@type":"Organization","name":"Le Quotidien"}}]}</script>
</head><body><main>
<p>Trois ouvriers ont été blessés lundi dans l'incendie d'une usine de la zone industrielle, selon les pompiers.</p>
<p>L'origine du feu reste inconnue. Une enquête a été ouverte par le parquet, qui n'exclut aucune piste.</p>
</main></body></html>`;

const BARE_PAGE = `<html><head><title>Bridge closed after crash</title></head><body>
<div id="content"><h1>Bridge closed after crash</h1>
<p>The city bridge was closed on Monday after a lorry crashed into the railings during the morning rush hour, police said.</p>
<p>Two drivers were taken to hospital with minor injuries. The bridge is expected to reopen on Thursday after repairs.</p>
<p>Le 3 mars 2020</p></div></body></html>`;

describe("parseHtml", () => {
  test("a page with OpenGraph, JSON-LD, canonical and lang", () => {
    const { articles, errors } = parseHtml(FULL_PAGE, { url: "https://www.daily-example.test/news/flood?utm_source=tw#top" });
    expect(errors).toEqual([]);
    expect(articles[0]).toEqual({
      url: "https://www.daily-example.test/news/flood?utm_source=tw#top",
      canonicalUrl: "https://daily-example.test/news/flood",
      title: "Flood kills 12 in river town",
      text:
        "Twelve people died when the river burst its banks on Wednesday night, officials said. The water rose by two metres in under an hour, according to the local council.\n\n" +
        "“We lost everything,” said one resident, who asked not to be named. Rescue teams worked through the night.\n\n" +
        "The regional governor said another 30 people were injured.\nMore rain is expected.\n\n" +
        "Roads closed: 4\n\nSchools closed: 9",
      publishedAt: "2021-07-15T07:30:00.000Z",
      author: "Jane Roe, Sam Poe",
      language: "en",
      outlet: { name: "The Daily Example", domain: "daily-example.test" },
      originalSource: null,
      tags: ["floods", "weather"],
      externalId: null,
    });
  });

  test("JSON-LD inside @graph, after a broken JSON-LD block, gives everything", () => {
    const a = parseHtml(GRAPH_PAGE, { url: "https://quotidien.example/faits-divers/123" }).articles[0];
    expect(a).toMatchObject({
      title: "Incendie dans une usine : trois blessés",
      publishedAt: "2019-03-04",
      author: "Marie Dupont",
      language: "fr",
      outlet: { name: "Le Quotidien", domain: "quotidien.example" },
      canonicalUrl: "https://quotidien.example/faits-divers/123",
    });
    expect(a?.text.split("\n\n")).toHaveLength(2);
  });

  test("a page with no metadata falls back to <title>, the url's domain, detection, and drops the h1 repeat", () => {
    const a = parseHtml(BARE_PAGE, { url: "http://www.citynews.example/bridge" }).articles[0];
    expect(a).toMatchObject({
      title: "Bridge closed after crash",
      author: null,
      publishedAt: null,
      language: "en",
      outlet: { name: "citynews.example", domain: "citynews.example" },
      canonicalUrl: "http://citynews.example/bridge",
    });
    expect(a?.text.startsWith("The city bridge was closed")).toBe(true);
  });

  test.each([
    ["og:title", `<meta property="og:title" content="OG title">`, "OG title"],
    ["JSON-LD headline", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title"}</script>`, "LD title"],
    ["<title> with site suffix", `<title>Doc title - Site Name</title><meta property="og:site_name" content="Site Name">`, "Doc title"],
  ])("title from %s", (_name, head, title) => {
    const html = `<html><head>${head}</head><body><article><p>${"Some article text here. ".repeat(20)}</p></article></body></html>`;
    expect(parseHtml(html, {}).articles[0]?.title).toBe(title);
  });

  test.each([
    ["JSON-LD datePublished", `<script type="application/ld+json">{"@type":"Article","datePublished":"2018-05-06T10:00:00Z"}</script>`, "2018-05-06T10:00:00.000Z"],
    ["article:published_time", `<meta property="article:published_time" content="2018-05-06">`, "2018-05-06"],
    ["<time datetime>", "", "2017-01-02"],
  ])("date from %s", (_name, head, date) => {
    const time = head ? "" : `<time datetime="2017-01-02T00:00">2 Jan</time>`;
    const html = `<html><head>${head}</head><body><article>${time}<p>${"Some article text here. ".repeat(20)}</p></article></body></html>`;
    expect(parseHtml(html, {}).articles[0]?.publishedAt).toBe(date === "2017-01-02" ? "2017-01-02T00:00:00.000Z" : date);
  });

  test.each([
    ["an empty document", ""],
    ["a page with no text", "<html><body><nav>Home</nav><script>var x = 1;</script></body></html>"],
  ])("%s is an ItemError naming the url", (_name, html) => {
    expect(parseHtml(html, { url: "https://x.example/a" })).toEqual({
      articles: [],
      errors: [{ item: "https://x.example/a", reason: "no article text found in the page" }],
    });
  });
});

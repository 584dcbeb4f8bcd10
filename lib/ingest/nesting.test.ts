import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { flattenDeepHtml, MAX_HTML_DEPTH } from "./nesting";

/** The text a DOM parser reads from the page. */
const textOf = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body?.textContent ?? "";

describe("flattenDeepHtml", () => {
  it("returns input within the limit unchanged, as the same string", () => {
    const html = `<!doctype html><html><body><div><article><p>One<p>Two<ul><li>a<li>b</ul></article></div></body></html>`;
    const out = flattenDeepHtml(html);
    expect(out.html).toBe(html);
    expect(out.dropped).toBe(0);
    expect(out.maxDepth).toBe(3); // div > article > ul; p, li, html, body close themselves
  });

  it("unwraps elements deeper than the limit and their end tags, keeping every text node", () => {
    const html = `<body>${"<div>".repeat(10)}<b>deep</b> text${"</div>".repeat(10)}<p>after</p></body>`;
    const out = flattenDeepHtml(html, 4);
    expect(out.maxDepth).toBe(11);
    expect(out.dropped).toBe(7);
    expect(out.html).toBe(`<body>${"<div>".repeat(4)}deep text${"</div>".repeat(4)}<p>after</p></body>`);
  });

  it("does not count void, self-closed, optional-end or raw-text content", () => {
    const fake = "<div>".repeat(50);
    const html = `<div><br><img src=x><svg/><p><p><li><li><script>${fake}</script><style>${fake}</style><!-- ${fake} --><textarea>${fake}</textarea></div>`;
    const out = flattenDeepHtml(html, 2);
    expect(out.html).toBe(html);
    expect(out.maxDepth).toBe(1);
  });

  it("reads attribute values containing > and < as part of the tag", () => {
    const html = `<div title="a > b <div>"><div data-x='<div><div>'>x</div></div>`;
    expect(flattenDeepHtml(html, 2)).toEqual({ html, maxDepth: 2, dropped: 0 });
  });

  it("lets a stray end tag close nothing and an end tag close its unclosed children", () => {
    const html = `</div></div><section><div><span>a</section><section><div>b</div></section>`;
    expect(flattenDeepHtml(html, 3).html).toBe(html);
    expect(flattenDeepHtml(html, 3).maxDepth).toBe(3);
  });

  it("flattens 200k levels of unclosed tags in one linear pass", () => {
    const html = "<div><span>".repeat(100_000) + "text";
    const out = flattenDeepHtml(html);
    expect(out.dropped).toBe(200_000 - MAX_HTML_DEPTH);
    expect(out.html).toBe("<div><span>".repeat(MAX_HTML_DEPTH / 2) + "text");
  });

  it("reads \"</\" before a non-letter as a bogus comment, as browsers do (found by the property below)", () => {
    const html = "<div></<div> ";
    expect(flattenDeepHtml(html, 1)).toEqual({ html, maxDepth: 1, dropped: 0 });
    expect(textOf(html)).toBe(" ");
  });

  it("keeps a text \"<\" apart from what follows a dropped tag (found by the property below)", () => {
    const html = "<div><<div>?";
    const out = flattenDeepHtml(html, 1);
    expect(out.dropped).toBe(1);
    expect(textOf(out.html)).toBe(textOf(html));
  });

  it("never loses text and never leaves more than the limit, on arbitrary tag soup", () => {
    const piece = fc.oneof(
      fc.constantFrom("<div>", "</div>", "<span class='a>b'>", "</span>", "<p>", "<br>", "<!-- c -->", "<script>", "</script>", "<b>", "</b>", "<", ">", "</"),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (pieces, limit) => {
        const html = pieces.join("");
        const out = flattenDeepHtml(html, limit);
        expect(flattenDeepHtml(out.html, limit).dropped).toBe(0);
        if (out.dropped === 0) expect(out.html).toBe(html);
        else expect(textOf(out.html)).toBe(textOf(html));
      }),
      { numRuns: 500 },
    );
  });
});

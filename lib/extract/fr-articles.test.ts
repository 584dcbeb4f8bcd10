import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";
import { fr } from "./lang/fr";
import { findPackQuoteSpans, packSentences } from "./pattern";
import type { Extraction, Statement } from "./types";

// Original French test articles (fixtures/fr/*.txt, written for these tests: no real article's
// text) through the whole French pipeline: claims with bounds, kinds, context and authority;
// statements with speakers, cues, incises, continued quotes and reported speech.

const FIXTURES = path.join(import.meta.dirname, "fixtures", "fr");
const read = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const run = (name: string): { text: string; x: Extraction } => {
  const text = read(name);
  return { text, x: extractArticle({ text, language: "fr", publishedAt: "2024-03-12T08:00:00Z" }) };
};

type Row = [kind: string, min: number | null, max: number | null, qualifier: string, phrase: string, group: string | null, context: boolean, authority: string | null];
const rows = (x: Extraction): Row[] => x.claims.map((c) => [c.kind, c.min, c.max, c.qualifier, c.phrase, c.victimGroup, c.isContext, c.authority]);

/** The statement whose text starts with `prefix`. */
function statement(x: Extraction, prefix: string, direct = true): Statement {
  const s = x.statements.find((st) => st.direct === direct && st.text.startsWith(prefix));
  if (!s) throw new Error(`no ${direct ? "direct" : "reported"} statement starting with ${JSON.stringify(prefix)}`);
  return s;
}

function offsetsHold(text: string, x: Extraction): void {
  for (const c of x.claims) {
    expect(text.slice(c.start, c.end)).toBe(c.phrase);
    expect(text.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
  }
  for (const s of x.statements) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const p of s.parts ?? []) expect(p.start >= s.start && p.end <= s.end).toBe(true);
  }
}

describe("frappe-marche.txt: a strike on a market", () => {
  const { text, x } = run("frappe-marche.txt");

  test("claims: words, qualifiers, kinds, authority and a war total as context", () => {
    expect(rows(x)).toEqual([
      ["killed", 62, null, "at_least", "Au moins soixante-deux", "civils", false, "la Défense civile locale"],
      ["wounded", 90, 90, "exact", "quatre-vingt-dix", null, false, "la Défense civile locale"],
      ["wounded", 100, 100, "about", "une centaine", null, false, "l'hôpital de la ville"],
      ["missing", 3, 3, "exact", "Trois", "secouristes", false, null],
      ["killed", 300_001, null, "at_least", "plus de 300 000", "personnes", true, "une organisation de défense des droits humains"],
    ]);
    expect(x.summary).toEqual({ killed: { min: 62, max: null }, wounded: { min: 90, max: 90 } });
    expect(x.language).toBe("fr");
    offsetsHold(text, x);
  });

  test("the lead's figures are the headlines, not the later hospital count", () => {
    expect(x.claims.filter((c) => c.isHeadline).map((c) => c.phrase)).toEqual(["Au moins soixante-deux", "quatre-vingt-dix"]);
  });

  test("« … » after 'X, a déclaré :' with the role in apposition", () => {
    const s = statement(x, "Nous avons retiré");
    expect(s).toMatchObject({ speaker: "Karim Haddad", speakerMention: "Karim Haddad", cue: "déclaré", affiliation: "secouristes", direct: true });
    expect(s.text).toBe("Nous avons retiré des décombres les corps de vingt et un enfants.");
  });

  test("an incise inside the guillemets: « A, a-t-il ajouté, B »", () => {
    const s = statement(x, "Les frappes ont commencé");
    expect(s).toMatchObject({ speaker: "Karim Haddad", speakerMention: "il", cue: "ajouté" });
    expect(s.parts?.map((p) => text.slice(p.start, p.end))).toEqual(["Les frappes ont commencé vers 10 heures", "et elles n'ont pas cessé pendant deux heures."]);
  });

  test("reported speech with 'a affirmé que', the title dropped from the name, and the channel", () => {
    expect(statement(x, "les appareils visaient", false)).toMatchObject({ speaker: "Samir Nasser", speakerMention: "colonel Samir Nasser", cue: "affirmé", affiliation: "armée" });
    expect(statement(x, "Aucun civil")).toMatchObject({ speaker: "Samir Nasser", speakerMention: "il", cue: "assuré", channel: "AFP" });
  });

  test("'selon X' and 'd'après X' report content; 'CONTENT, ont prévenu X'", () => {
    expect(statement(x, "Au moins soixante-deux", false)).toMatchObject({ speaker: "Défense civile locale", cue: "selon" });
    expect(statement(x, "une centaine de blessés", false)).toMatchObject({ speaker: "hôpital de la ville", cue: "d'après" });
    expect(statement(x, "Le bilan pourrait", false)).toMatchObject({ speaker: "médecins", cue: "prévenu", text: "Le bilan pourrait encore s'alourdir" });
  });
});

describe("crues-sarne.txt: floods", () => {
  const { text, x } = run("crues-sarne.txt");

  test("killed, missing (approximate), displaced (bounded), wounded; evacuations are not displacement", () => {
    expect(rows(x)).toEqual([
      ["killed", 12, 12, "exact", "Douze", "personnes", false, "la préfecture"],
      ["missing", 40, 40, "about", "une quarantaine", null, false, "la préfecture"],
      ["displaced", null, 2500, "at_most", "Près de 2 500", "habitants", false, null],
      ["wounded", 1, 1, "exact", "Un", "pompier", false, null],
      ["wounded", 0, 0, "exact", "Aucun", "secouriste", false, null],
      ["killed", 0, 0, "exact", "aucune", null, true, null],
    ]);
    expect(x.summary).toEqual({ killed: { min: 12, max: 12 }, wounded: { min: 1, max: 1 } });
    offsetsHold(text, x);
  });

  test("'», raconte X, 58 ans, …' and the quote that continues it", () => {
    const s = statement(x, "L'eau est montée");
    expect(s).toMatchObject({ speaker: "Hélène Marchal", cue: "raconte" });
    expect(s.parts?.map((p) => text.slice(p.start, p.end))).toEqual(["L'eau est montée de deux mètres en moins d'une heure", "Nous n'avons rien pu sauver."]);
  });

  test("'CONTENT, a indiqué la préfecture' is reported speech", () => {
    expect(statement(x, "Douze personnes", false)).toMatchObject({ speaker: "préfecture", cue: "indiqué" });
  });
});

describe("enlevement-bandoro.txt: a kidnapping", () => {
  const { text, x } = run("enlevement-bandoro.txt");

  test("ranges 'entre … et …' and 'de … à …', active 'ont également tué', an earlier incident as context", () => {
    expect(rows(x)).toEqual([
      ["captured", 12, 15, "range", "Entre 12 et 15", "employés d'une société minière", false, "une source sécuritaire"],
      ["killed", 2, 2, "exact", "deux", "gardiens", false, null],
      ["captured", 20, 25, "range", "de 20 à 25", "villageois", true, "la gendarmerie"],
    ]);
    offsetsHold(text, x);
  });

  test("“ … ”, a déclaré la directrice de la société, Anne Lefort: the name speaks, the role gives the affiliation", () => {
    expect(statement(x, "Nous sommes en contact")).toMatchObject({ speaker: "Anne Lefort", speakerMention: "Anne Lefort", cue: "déclaré", affiliation: "société" });
  });

  test("'Elle a ajouté que …' resolves to Anne Lefort; the ‹ › words inside are hers", () => {
    expect(statement(x, "l'entreprise avait", false)).toMatchObject({ speaker: "Anne Lefort", speakerMention: "Elle", cue: "ajouté" });
    expect(statement(x, "suspendu toutes ses activités")).toMatchObject({ speaker: "Anne Lefort" });
  });
});

describe("bilan-mirova.txt: a toll revised upwards", () => {
  const { text, x } = run("bilan-mirova.txt");

  test("'est passé de 62 à 83 morts' is 83, not a range; a war total is context", () => {
    expect(rows(x)).toEqual([
      ["killed", 83, 83, "exact", "83", null, false, "le ministère de la Défense"],
      ["killed", 83, 83, "exact", "Quatre-vingt-trois", "soldats", false, null],
      ["killed", 0, 0, "exact", "Personne n'a été tué", null, false, null],
      ["killed", 10_001, null, "at_least", "plus de 10 000", null, true, "les Nations unies"],
    ]);
    expect(x.summary.killed).toEqual({ min: 83, max: 83 });
    offsetsHold(text, x);
  });

  test("'a annoncé vendredi le ministère': the day is not the speaker", () => {
    expect(statement(x, "Le bilan de l'attaque", false)).toMatchObject({ speaker: "ministère de la Défense", cue: "annoncé" });
  });

  test("'Le ministre a dit qu'…' with a short quotation inside", () => {
    expect(statement(x, "il n'y avait", false)).toMatchObject({ speaker: "ministre", cue: "dit" });
    expect(statement(x, "aucun doute")).toMatchObject({ speaker: "ministre", direct: true });
  });
});

describe("the seed's French boilerplate footer (Mondialisation.ca)", () => {
  // The footer of prisma/demo/seed-deir-ez-zor.txt, from "La source originale" to the end.
  const seed = readFileSync(path.join(import.meta.dirname, "..", "..", "prisma", "demo", "seed-deir-ez-zor.txt"), "utf8");
  const footer = seed.slice(seed.indexOf("La source originale de cet article"));

  test.each(["fr", "en"])("yields no claim and no statement as %s", (language) => {
    expect(footer.length).toBeGreaterThan(1000);
    const x = extractArticle({ text: footer, language });
    expect(x.claims).toEqual([]);
    expect(x.statements).toEqual([]);
    expect(x.summary).toEqual({ killed: null, wounded: null });
  });
});

describe("French quotation marks and sentences", () => {
  test.each([
    ["« Nous partons », a-t-il dit.", ["Nous partons"]],
    ["«Sans espaces», a-t-il dit.", ["Sans espaces"]],
    ["« Il a parlé d'une ‹ erreur › grave », a-t-elle dit.", ["Il a parlé d'une ‹ erreur › grave"]],
    ["“Nous partons”, a-t-il dit.", ["Nous partons"]],
    ["‹ Nous partons ›, a-t-il dit.", ["Nous partons"]],
    ['Il parle d\'"utilisation équitable" ici.', ["utilisation équitable"]],
    ["« Une citation\nsans fin", ["Une citation"]],
  ])("%j", (text, contents) => {
    expect(findPackQuoteSpans(text, fr).map((q) => text.slice(q.start, q.end))).toEqual(contents);
  });

  test("sentences: M. and abbreviations, capitals with accents, '. »' closes the sentence", () => {
    const text = "M. Dupont est arrivé à 10 h. État d'urgence : « Restez chez vous. » Le préfet a parlé env. dix minutes. À Lyon, rien.";
    expect(packSentences(text, null, fr).map((s) => text.slice(s.start, s.end))).toEqual([
      "M. Dupont est arrivé à 10 h.",
      "État d'urgence : « Restez chez vous. »",
      "Le préfet a parlé env. dix minutes.",
      "À Lyon, rien.",
    ]);
  });

  test("a quote is attributed with 'Selon X, « … »' and with a colon after a name", () => {
    const x = extractArticle({ text: "Selon le porte-parole, « la situation est sous contrôle ». Le maire de Tell Amar : « Nous avons besoin d'aide. »", language: "fr" });
    expect(x.statements.filter((s) => s.direct).map((s) => [s.speaker, s.cue, s.text])).toEqual([
      ["porte-parole", "selon", "la situation est sous contrôle"],
      ["maire de Tell Amar", null, "Nous avons besoin d'aide."],
    ]);
  });

  test("a short unattributed quotation (scare quotes) is no statement", () => {
    expect(extractArticle({ text: "Le gouvernement parle d'une « opération spéciale » dans la région.", language: "fr" }).statements).toEqual([]);
  });
});

describe("invariants on arbitrary French text", () => {
  const PIECES = [
    "Au moins", "soixante-deux", "soldats", "ont été", "tués", "et", "100", "blessés", "une centaine de", "selon",
    "la police", "a déclaré", "a-t-il ajouté", "«", "»", "“", "”", "‹", "›", '"', ",", ".", ":", "\n\n", "M.", "aucun",
    "mort", "personne n'a été blessé", "entre 83 et 90", "de 83 à 90", "plus de", "300 000", "depuis le début de la guerre",
    "il", "qu'", "que", "d'après", "Karim Haddad", "le bilan s'élève à", "quatre-vingt-dix", "portés disparus", "pris en otage",
  ];
  test("never throws; offsets slice to their text; bounds are ordered; one headline per kind", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const text = parts.join(" ");
        const x = extractArticle({ text, language: "fr" });
        for (const c of x.claims) {
          expect(text.slice(c.start, c.end)).toBe(c.phrase);
          expect(text.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
          expect(c.start >= c.sentenceStart && c.end <= c.sentenceEnd).toBe(true);
          if (c.min !== null && c.max !== null) expect(c.min).toBeLessThanOrEqual(c.max);
        }
        for (const s of x.statements) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        for (const kind of ["killed", "wounded"] as const) expect(x.claims.filter((c) => c.kind === kind && c.isHeadline).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

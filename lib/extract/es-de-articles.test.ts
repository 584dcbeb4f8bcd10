import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";
import { de } from "./lang/de";
import { es } from "./lang/es";
import { packSentences, parsePackNumber } from "./pattern";
import type { Extraction, Statement } from "./types";

// Spanish and German packs: number words, and original test articles (fixtures/es, fixtures/de,
// written for these tests) through the whole pipeline.

const run = (lang: "es" | "de", name: string): { text: string; x: Extraction } => {
  const text = readFileSync(path.join(import.meta.dirname, "fixtures", lang, name), "utf8");
  return { text, x: extractArticle({ text, language: lang, publishedAt: "2024-03-12" }) };
};
type Row = [kind: string, min: number | null, max: number | null, qualifier: string, phrase: string, group: string | null, context: boolean, authority: string | null];
const rows = (x: Extraction): Row[] => x.claims.map((c) => [c.kind, c.min, c.max, c.qualifier, c.phrase, c.victimGroup, c.isContext, c.authority]);
const direct = (x: Extraction, prefix: string, isDirect = true): Statement => {
  const s = x.statements.find((st) => st.direct === isDirect && st.text.startsWith(prefix));
  if (!s) throw new Error(`no statement starting with ${JSON.stringify(prefix)}`);
  return s;
};
const offsetsHold = (text: string, x: Extraction) => {
  for (const c of x.claims) expect(text.slice(c.start, c.end)).toBe(c.phrase);
  for (const s of x.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
};

describe("Spanish number words", () => {
  test.each([
    ["cero", 0],
    ["uno", 1],
    ["dieciséis", 16],
    ["veintiún", 21],
    ["veintidós", 22],
    ["treinta y dos", 32],
    ["noventa y nueve", 99],
    ["cien", 100],
    ["ciento veinte", 120],
    ["doscientos cincuenta", 250],
    ["quinientas", 500],
    ["mil", 1000],
    ["mil doscientos", 1200],
    ["dos mil", 2000],
    ["cien mil", 100_000],
    ["doscientos mil", 200_000],
    ["un millón", 1_000_000],
    ["dos millones", 2_000_000],
    ["40.000", 40_000],
    ["2,5 millones", 2_500_000],
  ])("%s = %d", (phrase, n) => {
    expect(parsePackNumber(phrase, es)).toBe(n);
  });
  test.each(["dos tres", "veinte treinta", "ciento doscientos", "personas"])("%j is not one number", (phrase) => {
    expect(parsePackNumber(phrase, es)).toBeNull();
  });
});

describe("German number words", () => {
  test.each([
    ["null", 0],
    ["eins", 1],
    ["zwölf", 12],
    ["siebzehn", 17],
    ["einundzwanzig", 21],
    ["zweiundsechzig", 62],
    ["neunundneunzig", 99],
    ["hundert", 100],
    ["einhundert", 100],
    ["hunderteins", 101],
    ["hundertzweiundsechzig", 162],
    ["dreihundert", 300],
    ["tausend", 1000],
    ["zweitausenddreihundertfünfzig", 2350],
    ["zehntausend", 10_000],
    ["dreihunderttausend", 300_000],
    ["eine Million", 1_000_000],
    ["zwei Millionen", 2_000_000],
    ["300.000", 300_000],
    ["2,5 Millionen", 2_500_000],
  ])("%s = %s", (phrase, n) => {
    expect(parsePackNumber(phrase, de)).toBe(n);
  });
  test.each(["zweiunddrei", "undzwanzig", "Menschen", "zwei drei"])("%j is not one number", (phrase) => {
    expect(parsePackNumber(phrase, de)).toBeNull();
  });
});

describe("labels in the pattern languages", () => {
  test.each<["fr" | "es" | "de", string]>([
    ["fr", "Morts : 12. Blessés : 30. Les chiffres viennent du ministère."],
    ["es", "Muertos: 12. Heridos: 30. La policía no dio nombres."],
    ["de", "Tote: 12, Verletzte: 30. Die Polizei nannte keine Namen."],
  ])("%s: %s", (language, text) => {
    expect(extractArticle({ text, language }).claims).toMatchObject([
      { kind: "killed", min: 12, max: 12 },
      { kind: "wounded", min: 30, max: 30 },
    ]);
  });

  test("a word before a colon inside a sentence is no label", () => {
    expect(extractArticle({ text: "Il a parlé des morts : 12 d'entre eux étaient des enfants.", language: "fr" }).claims).toEqual([]);
  });
});

describe("Spanish sentences", () => {
  test.each<[string, string, number | null, number | null, string]>([
    ["Al menos 62 soldados murieron.", "killed", 62, null, "at_least"],
    ["Murieron 62 soldados.", "killed", 62, 62, "exact"],
    ["Más de 100 personas resultaron heridas.", "wounded", 101, null, "at_least"],
    ["Resultaron heridas 15 personas.", "wounded", 15, 15, "exact"],
    ["Entre 83 y 90 soldados fueron asesinados.", "killed", 83, 90, "range"],
    ["Entre 90 y 83 soldados fueron asesinados.", "killed", 83, 90, "range"],
    ["Decenas de civiles murieron.", "killed", 20, null, "vague"],
    ["Cinco pescadores siguen desaparecidos.", "missing", 5, 5, "exact"],
    ["Siete cooperantes fueron secuestrados.", "captured", 7, 7, "exact"],
    ["Unas 3.000 familias han huido de sus hogares.", "displaced", 3000, 3000, "about"],
    ["El balance asciende a 47.", "killed", 47, 47, "exact"],
    ["No hubo heridos.", "wounded", 0, 0, "exact"],
    ["Dos personas fueron apuñaladas.", "wounded", 2, 2, "exact"],
  ])("%s", (text, kind, min, max, qualifier) => {
    const cs = extractArticle({ text, language: "es" }).claims;
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind, min, max, qualifier });
  });
});

describe("German sentences", () => {
  test.each<[string, string, number | null, number | null, string]>([
    ["Mindestens 62 Menschen wurden getötet.", "killed", 62, null, "at_least"],
    ["Bei dem Angriff wurden 62 Soldaten getötet.", "killed", 62, 62, "exact"],
    ["Bei dem Angriff starben zwölf Menschen.", "killed", 12, 12, "exact"],
    ["Dabei kamen mehr als 30 Menschen ums Leben.", "killed", 31, null, "at_least"],
    ["Der Angriff tötete rund 40 Zivilisten.", "killed", 40, 40, "about"],
    ["Etwa hundert Menschen wurden verletzt.", "wounded", 100, 100, "about"],
    ["Zwischen 20 und 30 Bewohner wurden entführt.", "captured", 20, 30, "range"],
    ["Dutzende Menschen werden vermisst.", "missing", 24, null, "vague"],
    ["Die Zahl der Toten stieg auf 83.", "killed", 83, 83, "exact"],
    ["Die Zahl der Toten stieg von 62 auf 83.", "killed", 83, 83, "exact"],
    ["Es gab keine Toten.", "killed", 0, 0, "exact"],
    ["Zwischen 90 und 62 Soldaten wurden getötet.", "killed", 62, 90, "range"],
    // The verb bracket: adverbials between the auxiliary and the participle that closes the clause.
    ["62 Soldaten wurden am Samstag bei dem Angriff getötet.", "killed", 62, 62, "exact"],
    ["Mindestens 62 Soldaten sind bei dem Luftangriff ums Leben gekommen.", "killed", 62, null, "at_least"],
    ["62 Soldaten kamen bei dem Angriff am 17. September ums Leben.", "killed", 62, 62, "exact"],
    ["Mindestens 62 Soldaten haben bei dem Angriff ihr Leben verloren.", "killed", 62, null, "at_least"],
    ["Zwei Polizisten wurden bei dem Einsatz nicht verletzt.", "wounded", 0, 0, "exact"],
    ["Zwei Menschen wurden am Samstag erstochen.", "killed", 2, 2, "exact"],
    ["Zwei Menschen wurden niedergestochen.", "wounded", 2, 2, "exact"],
    ["Ein Polizist wurde angeschossen.", "wounded", 1, 1, "exact"],
  ])("%s", (text, kind, min, max, qualifier) => {
    const cs = extractArticle({ text, language: "de" }).claims;
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind, min, max, qualifier });
  });

  test.each([
    // Active voice: the figure is the agent, whatever stands between.
    "Die 62 Soldaten haben am Samstag bei dem Angriff getötet.",
    // The bracket ends at the clause: another clause's participle is not this figure's.
    "62 Soldaten wurden am Samstag festgenommen, die getötet worden sein sollen.",
    "62 Soldaten wurden verlegt und drei Tage später getötet.",
    // A hypothetical.
    "62 Soldaten könnten bei dem Angriff getötet worden sein.",
  ])("no figure: %s", (text) => {
    expect(extractArticle({ text, language: "de" }).claims.filter((c) => c.min === 62)).toEqual([]);
  });

  test("a date's ordinal inside a sentence does not end it; a figure ending a sentence does", () => {
    const text = "62 Soldaten wurden am 18. September getötet. Die Zahl der Toten stieg auf 83. Die Behörden nannten keine Namen.";
    expect(packSentences(text, null, de).map((s) => text.slice(s.start, s.end))).toEqual([
      "62 Soldaten wurden am 18. September getötet.",
      "Die Zahl der Toten stieg auf 83.",
      "Die Behörden nannten keine Namen.",
    ]);
    expect(extractArticle({ text, language: "de" }).claims).toMatchObject([
      { kind: "killed", min: 62, max: 62, phrase: "62" },
      { kind: "killed", min: 83, max: 83, phrase: "83" },
    ]);
  });

  test("„…“ and »…« quotes; 'so der Sprecher' after a quote", () => {
    const x = extractArticle({ text: "„Die Lage ist ernst“, so der Sprecher der Polizei. »Wir brauchen Hilfe«, sagte er.", language: "de" });
    expect(x.statements.map((s) => [s.text, s.speaker, s.cue])).toEqual([
      ["Die Lage ist ernst", "Sprecher der Polizei", "so"],
      ["Wir brauchen Hilfe", "Sprecher der Polizei", "sagte"],
    ]);
  });
});

describe("es/ataque-convoy.txt", () => {
  const { text, x } = run("es", "ataque-convoy.txt");
  test("claims", () => {
    expect(rows(x)).toEqual([
      ["killed", 32, null, "at_least", "Al menos treinta y dos", "personas", false, "la Cruz Roja local"],
      ["wounded", 100, 100, "about", "un centenar", null, false, "la Cruz Roja local"],
      ["missing", 12, 15, "range", "Entre 12 y 15", "conductores", false, null],
      ["killed", 40_001, null, "at_least", "más de 40.000", "personas", true, "un informe de Naciones Unidas"],
    ]);
    expect(x.summary).toEqual({ killed: { min: 32, max: null }, wounded: { min: 100, max: 100 } });
    offsetsHold(text, x);
  });
  test("statements", () => {
    expect(direct(x, "Los camiones")).toMatchObject({ speaker: "Tomás Rivera", cue: "dijo", affiliation: "misión" });
    expect(direct(x, "Los camiones").parts).toHaveLength(2);
    expect(direct(x, "los soldados no participaron", false)).toMatchObject({ speaker: "portavoz del ejército", cue: "afirmó", affiliation: "ejército" });
  });
});

describe("es/incendio-fabrica.txt", () => {
  const { text, x } = run("es", "incendio-fabrica.txt");
  test("claims: 'dejó doce muertos', 'nadie resultó herido', 'Unas 300 familias han huido'", () => {
    expect(rows(x)).toEqual([
      ["killed", 12, 12, "exact", "doce", null, false, "la alcaldía"],
      ["wounded", 21, 21, "exact", "veintiún", null, false, "la alcaldía"],
      ["wounded", 0, 0, "exact", "nadie resultó herido", null, false, null],
      ["displaced", 300, 300, "about", "Unas 300", "familias", false, null],
    ]);
    offsetsHold(text, x);
  });
  test("a straight-quoted statement with the speaker in apposition", () => {
    expect(direct(x, "Las salidas")).toMatchObject({ speaker: "Lucía Campos", cue: "aseguró" });
  });
});

describe("de/angriff-markt.txt", () => {
  const { text, x } = run("de", "angriff-markt.txt");
  test("claims: compound number words, verb-second passives, a revised toll, a war total as context", () => {
    expect(rows(x)).toEqual([
      ["killed", 62, null, "at_least", "mindestens zweiundsechzig", "Menschen", false, null],
      ["wounded", 101, null, "at_least", "Mehr als 100", "Menschen", false, "die örtliche Feuerwehr"],
      ["missing", 12, 12, "exact", "zwölf", "Menschen", false, "Krankenhauses"],
      ["captured", 20, 30, "range", "Zwischen 20 und 30", "Bewohner", false, null],
      ["killed", 71, 71, "exact", "71", null, false, null],
      ["killed", 300_001, null, "at_least", "mehr als 300.000", "Menschen", true, "Vereinten Nationen"],
    ]);
    offsetsHold(text, x);
  });
  test("„…“, sagte der Sprecher der Feuerwehr, Jonas Keller", () => {
    expect(direct(x, "Wir haben die ganze Nacht")).toMatchObject({ speaker: "Jonas Keller", cue: "sagte", affiliation: "Feuerwehr" });
  });
});

describe("de/hochwasser.txt", () => {
  const { text, x } = run("de", "hochwasser.txt");
  test("claims", () => {
    expect(rows(x)).toEqual([
      ["killed", 3, 3, "exact", "drei", "Menschen", false, "die Polizei"],
      ["missing", 7, 7, "exact", "sieben", null, false, "die Polizei"],
      ["displaced", 2500, 2500, "about", "Rund 2.500", "Menschen", false, null],
      ["wounded", 1, 1, "exact", "Ein", "Feuerwehrmann", false, null],
      ["killed", 0, 0, "exact", "niemand ums Leben", null, true, null],
    ]);
    expect(x.summary).toEqual({ killed: { min: 3, max: 3 }, wounded: { min: 1, max: 1 } });
    offsetsHold(text, x);
  });
});

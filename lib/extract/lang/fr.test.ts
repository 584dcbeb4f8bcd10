import { describe, expect, test } from "vitest";
import { extractArticle } from "../index";
import { parsePackNumber } from "../pattern";
import type { CasualtyClaim } from "../types";
import { fr } from "./fr";

// Table-driven tests of the French pack on short original sentences. Whole articles are in
// `../fr-articles.test.ts` (fixtures in `../fixtures/fr/`).

const claimsOf = (text: string, publishedAt: string | null = "2024-03-12") => extractArticle({ text, language: "fr", publishedAt }).claims;

/** The only claim of a sentence (fails when there are none or several). */
function only(text: string): CasualtyClaim {
  const cs = claimsOf(text);
  expect(cs, text).toHaveLength(1);
  return cs[0]!;
}

describe("French number words", () => {
  test.each([
    ["zéro", 0],
    ["un", 1],
    ["onze", 11],
    ["seize", 16],
    ["dix-sept", 17],
    ["vingt et un", 21],
    ["vingt-deux", 22],
    ["trente et une", 31],
    ["soixante-deux", 62],
    ["Soixante-deux", 62],
    ["soixante et onze", 71],
    ["soixante-dix-sept", 77],
    ["quatre-vingts", 80],
    ["quatre-vingt-un", 81],
    ["quatre-vingt-dix", 90],
    ["quatre-vingt-dix-neuf", 99],
    ["vingt-et-un", 21],
    ["cent", 100],
    ["cent un", 101],
    ["deux cents", 200],
    ["deux cent cinquante", 250],
    ["neuf cent quatre-vingt-dix-neuf", 999],
    ["mille", 1000],
    ["mille deux cents", 1200],
    ["deux mille", 2000],
    ["deux mille vingt-quatre", 2024],
    ["dix mille", 10_000],
    ["cent mille", 100_000],
    ["deux cent mille", 200_000],
    ["neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 999_999],
    ["un million", 1_000_000],
    ["deux millions", 2_000_000],
    ["septante-cinq", 75],
    ["nonante", 90],
    ["62", 62],
    ["300 000", 300_000],
    ["1 200", 1200],
    ["1\u202f200", 1200],
    ["2,5 millions", 2_500_000],
    ["300 mille", 300_000],
  ])("%s = %d", (phrase, n) => {
    expect(parsePackNumber(phrase, fr)).toBe(n);
  });

  test.each(["", "deux trois", "vingt trente", "mille mille", "soldats", "2,5", "dix cents", "deux mille trois millions"])("%j is not one number", (phrase) => {
    expect(parsePackNumber(phrase, fr)).toBeNull();
  });
});

describe("French qualifiers, bounds and ranges", () => {
  test.each<[string, number | null, number | null, CasualtyClaim["qualifier"], string]>([
    ["Au moins 62 soldats ont été tués.", 62, null, "at_least", "Au moins 62"],
    ["Pas moins de 62 soldats ont été tués.", 62, null, "at_least", "Pas moins de 62"],
    ["Plus de 62 soldats ont été tués.", 63, null, "at_least", "Plus de 62"],
    ["Près de 62 soldats ont été tués.", null, 62, "at_most", "Près de 62"],
    ["Jusqu'à 62 soldats ont été tués.", null, 62, "at_most", "Jusqu'à 62"],
    ["Moins de 62 soldats ont été tués.", null, 61, "at_most", "Moins de 62"],
    ["Environ 62 soldats ont été tués.", 62, 62, "about", "Environ 62"],
    ["Quelque 300 000 personnes ont été déplacées.", 300_000, 300_000, "about", "Quelque 300 000"],
    ["Entre 83 et 90 soldats ont été tués.", 83, 90, "range", "Entre 83 et 90"],
    ["De 83 à 90 soldats ont été tués.", 83, 90, "range", "De 83 à 90"],
    ["83 à 90 soldats ont été tués.", 83, 90, "range", "83 à 90"],
    ["Deux ou trois soldats ont été tués.", 2, 3, "range", "Deux ou trois"],
    ["L'attaque a fait 62 morts au moins.", 62, null, "at_least", "62 morts au moins"],
    ["Des dizaines de civils ont été tués.", 20, null, "vague", "Des dizaines"],
    ["Plusieurs centaines de personnes ont été blessées.", 200, null, "vague", "Plusieurs centaines"],
    ["Des milliers de familles ont fui leurs foyers.", 2000, null, "vague", "Des milliers"],
    ["Des dizaines de milliers d'habitants ont fui leurs villages.", 20_000, null, "vague", "Des dizaines de milliers"],
    ["Une centaine de personnes ont été blessées.", 100, 100, "about", "Une centaine"],
    ["Plus d'une centaine de personnes ont été blessées.", 101, null, "at_least", "Plus d'une centaine"],
    ["Une vingtaine de soldats ont été tués.", 20, 20, "about", "Une vingtaine"],
    ["Plusieurs soldats ont été tués.", 2, null, "vague", "Plusieurs"],
    ["2,5 millions de personnes ont été déplacées.", 2_500_000, 2_500_000, "exact", "2,5 millions"],
    ["Soixante-deux soldats ont été tués.", 62, 62, "exact", "Soixante-deux"],
    ["Le bilan est passé de 62 à 83 morts.", 83, 83, "exact", "83"],
  ])("%s", (text, min, max, qualifier, phrase) => {
    const c = only(text);
    expect(c).toMatchObject({ min, max, qualifier, phrase });
    expect(text.slice(c.start, c.end)).toBe(phrase);
  });
});

describe("French casualty kinds", () => {
  test.each<[string, CasualtyClaim["kind"], number, string | null]>([
    ["Trois soldats ont été tués samedi.", "killed", 3, "soldats"],
    ["Sept personnes ont perdu la vie.", "killed", 7, "personnes"],
    ["Onze soldats ont trouvé la mort.", "killed", 11, "soldats"],
    ["Huit mineurs sont décédés.", "killed", 8, "mineurs"],
    ["Quarante combattants ont péri.", "killed", 40, "combattants"],
    ["L'explosion a tué trente-cinq personnes.", "killed", 35, "personnes"],
    ["Les tirs ont coûté la vie à neuf civils.", "killed", 9, "civils"],
    ["Le bilan s'élève désormais à 47.", "killed", 47, null],
    ["Le nombre de morts a atteint 150.", "killed", 150, null],
    ["L'attentat a fait 62 victimes.", "killed", 62, null],
    ["Deux policiers ont été blessés par balles.", "wounded", 2, "policiers"],
    ["La frappe a blessé vingt personnes.", "wounded", 20, "personnes"],
    ["Quatre passants ont été hospitalisés.", "wounded", 4, "passants"],
    ["Deux passants ont été poignardés.", "wounded", 2, "passants"],
    ["Cinq pêcheurs sont portés disparus.", "missing", 5, "pêcheurs"],
    ["Neuf marins restent introuvables.", "missing", 9, "marins"],
    ["Sept humanitaires ont été enlevés.", "captured", 7, "humanitaires"],
    ["Douze touristes ont été pris en otage.", "captured", 12, "touristes"],
    ["Trente soldats ont été faits prisonniers.", "captured", 30, "soldats"],
    ["Plus de 3 000 habitants ont fui leurs villages.", "displaced", 3001, "habitants"],
    ["Quelque 40 000 personnes ont été déplacées par les combats.", "displaced", 40_000, "personnes"],
    ["Six cents familles ont été contraintes de fuir.", "displaced", 600, "familles"],
    ["Un enfant est mort.", "killed", 1, "enfant"],
    ["Un soldat a été tué.", "killed", 1, "soldat"],
    ["Le chauffeur du bus a été tué sur le coup.", "killed", 1, "chauffeur du bus"],
    ["Il a été grièvement blessé.", "wounded", 1, null],
    ["Un obus a tué le gardien de l'école.", "killed", 1, "gardien de l'école"],
    ["Karim Haddad a été blessé à la jambe.", "wounded", 1, null],
  ])("%s", (text, kind, n, group) => {
    const c = only(text);
    expect(c.kind).toBe(kind);
    expect(c.min ?? c.max).toBe(n);
    expect(c.victimGroup).toBe(group);
    expect(c.isContext).toBe(false);
  });

  test("two figures in one sentence: killed and wounded", () => {
    const cs = claimsOf("L'attaque a fait 62 morts et 100 blessés.");
    expect(cs.map((c) => [c.kind, c.min, c.phrase])).toEqual([
      ["killed", 62, "62"],
      ["wounded", 100, "100"],
    ]);
  });

  test("coordinated figures share their predicate", () => {
    const cs = claimsOf("Quatre soldats et deux civils ont été tués.");
    expect(cs.map((c) => [c.kind, c.min, c.victimGroup])).toEqual([
      ["killed", 4, "soldats"],
      ["killed", 2, "civils"],
    ]);
  });

  test("a parenthetical between the figure and its predicate", () => {
    expect(only("Vingt-six personnes, dont douze enfants, ont été tuées.")).toMatchObject({ kind: "killed", min: 26, victimGroup: "personnes" });
  });

  test("reported (conditional) figures still count: 'auraient été tués'", () => {
    expect(only("Dix civils auraient été tués selon des témoins.")).toMatchObject({ kind: "killed", min: 10, authority: "des témoins" });
  });
});

describe("French negations", () => {
  test.each<[string, CasualtyClaim["kind"]]>([
    ["Aucun mort n'est à déplorer.", "killed"],
    ["L'explosion n'a fait aucune victime.", "killed"],
    ["Aucun soldat n'a été tué.", "killed"],
    ["Il n'y a pas de blessés.", "wounded"],
    ["Personne n'a été blessé.", "wounded"],
    ["Personne n'a été tué.", "killed"],
    ["Les otages n'ont pas été blessés.", "wounded"],
    ["Les deux passagers sont sortis indemnes.", "wounded"],
    ["Les randonneurs ont été retrouvés sains et saufs.", "wounded"],
  ])("%s", (text, kind) => {
    expect(only(text)).toMatchObject({ kind, min: 0, max: 0, basis: "negation" });
  });

  test("a negation yields a 0 summary only when nothing positive is claimed", () => {
    expect(extractArticle({ text: "Personne n'a été blessé.", language: "fr" }).summary.wounded).toEqual({ min: 0, max: 0 });
    expect(extractArticle({ text: "Deux passants ont été blessés. Aucun policier n'a été blessé.", language: "fr" }).summary.wounded).toEqual({ min: 2, max: 2 });
  });
});

describe("French non-claims", () => {
  test.each([
    "Les 62 soldats ont tué trois rebelles.", // the figure is the agent: only 3 is a claim (below)
    "Deux F-16 et deux A-10 ont frappé la colline.",
    "Trois obus sont tombés sur le marché.",
    "Il a failli être tué samedi.",
    "Les combats ont fait rage pendant 3 jours.",
    "Une centaine de personnes ont été évacuées par précaution.",
    "Une frappe a visé le dépôt.",
    "Le 18 septembre, le convoi de 31 camions est arrivé.",
    "Âgé de 25 ans, il vivait à Alep depuis 2015.",
    "Il a dit que 2 000 soldats avaient été déployés.",
  ])("%s", (text) => {
    const cs = claimsOf(text).filter((c) => c.min !== 3);
    expect(cs).toEqual([]);
  });

  test("'Les 62 soldats ont tué trois rebelles' is three rebels killed", () => {
    expect(only("Les 62 soldats ont tué trois rebelles.")).toMatchObject({ kind: "killed", min: 3, victimGroup: "rebelles" });
  });
});

describe("French context: totals and other incidents", () => {
  test.each([
    "Depuis le début de la guerre, 300 000 morts ont été recensés.",
    "Depuis le début de la guerre, plus de 300 000 personnes ont été tuées.",
    "Au total, le conflit a fait 10 000 morts.",
    "La guerre a fait plus de 500 000 morts en dix ans.",
    "Cette année, 45 soldats ont été tués dans la province.",
    "Lors d'une précédente attaque, douze soldats avaient été tués.",
    "En 2019, trois soldats avaient été tués au même endroit.",
  ])("%s is context", (text) => {
    const cs = claimsOf(text);
    expect(cs.length).toBeGreaterThan(0);
    for (const c of cs) expect(c.isContext, c.phrase).toBe(true);
  });

  test("'la plus meurtrière depuis 2014' compares; the figure is this event's", () => {
    expect(only("Quatre-vingt-trois soldats ont péri, l'attaque la plus meurtrière depuis 2014.").isContext).toBe(false);
  });

  test("a context figure never becomes the headline", () => {
    const x = extractArticle({ text: "Deux soldats ont été tués samedi. Depuis le début de la guerre, 300 000 personnes ont été tuées.", language: "fr" });
    expect(x.summary.killed).toEqual({ min: 2, max: 2 });
  });
});

describe("French authority", () => {
  test.each([
    ["Au moins 62 soldats ont été tués, selon le ministère russe de la Défense, qui cite l'état-major.", "le ministère russe de la Défense"],
    ["D'après l'Observatoire syrien des droits de l'homme, 83 soldats ont été tués.", "l'Observatoire syrien des droits de l'homme"],
    ["Trois policiers ont été blessés, a indiqué la préfecture.", "la préfecture"],
    ["Trois policiers ont été blessés, a indiqué samedi la préfecture.", "la préfecture"],
    ["La police a affirmé que deux passants avaient été blessés.", "La police"],
  ])("%s", (text, authority) => {
    expect(claimsOf(text)[0]?.authority).toBe(authority);
  });
});

import { describe, expect, test } from "vitest";
import { contentHash, detectLanguage, normalizeLanguageCode, normalizeUrl, outletKey } from "./index";

describe("normalizeUrl", () => {
  test.each([
    ["https://WWW.Example.COM/News/Story/?utm_source=tw&utm_campaign=x#comments", "https://example.com/News/Story"],
    ["https://example.com/", "https://example.com"],
    ["http://example.com:80/a", "http://example.com/a"],
    ["https://example.com:8443/a", "https://example.com:8443/a"],
    ["https://example.com/a?b=2&fbclid=abc&a=1&gclid=z", "https://example.com/a?a=1&b=2"],
    ["https://example.com/a?id=5&ref=home", "https://example.com/a?id=5&ref=home"],
    ["  https://example.com/a  ", "https://example.com/a"],
    ["ftp://example.com/a", null],
    ["/relative/path", null],
    ["not a url", null],
  ])("%s → %s", (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe("contentHash", () => {
  test("ignores case and whitespace layout", () => {
    expect(contentHash("Twelve  people\n\ndied.")).toBe(contentHash("twelve people died. "));
  });
  test("differs when the words differ", () => {
    expect(contentHash("Twelve people died.")).not.toBe(contentHash("Eleven people died."));
  });
  test("is sha256 hex", () => {
    expect(contentHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("outletKey", () => {
  test.each([
    [{ name: "Mondialisation.ca", domain: "mondialisation.ca" }, "mondialisation.ca"],
    [{ name: "The Times", domain: "WWW.Thetimes.co.uk" }, "thetimes.co.uk"],
    [{ name: "Le Monde diplomatique", domain: null }, "le-monde-diplomatique"],
    [{ name: "Süddeutsche Zeitung", domain: null }, "suddeutsche-zeitung"],
    [{ name: "  ", domain: null }, ""],
  ])("%j → %s", (outlet, expected) => {
    expect(outletKey(outlet)).toBe(expected);
  });
});

describe("detectLanguage", () => {
  test.each([
    ["Police said the man was shot twice in the chest and died at the scene before paramedics arrived.", "en"],
    ["La police a indiqué que l'homme a été touché de deux balles à la poitrine et qu'il est mort sur place.", "fr"],
    ["Die Polizei sagte, der Mann sei zweimal in die Brust geschossen worden und noch am Tatort gestorben.", "de"],
    ["La policía dijo que el hombre recibió dos disparos en el pecho y murió en el lugar de los hechos.", "es"],
    // One short sentence: franc ranks it French; its function words say English.
    ["At least 12 people were killed on Monday, police said.", "en"],
    // Italian and Portuguese share Spanish's function words: franc's answer stands.
    ["Almeno dodici persone sono morte nell'attacco di lunedì, ha detto la polizia locale.", "it"],
    ["Pelo menos doze pessoas morreram no ataque de segunda-feira, disse a polícia local.", "pt"],
    ["too short", null],
    ["1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234 5678", null],
  ])("%s → %s", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

test.each([
  ["en-US", "en"],
  ["fr_FR", "fr"],
  ["ENG", "en"],
  ["fre", "fr"],
  ["English", null],
  ["", null],
  [null, null],
])("normalizeLanguageCode(%j) → %j", (input, expected) => {
  expect(normalizeLanguageCode(input)).toBe(expected);
});

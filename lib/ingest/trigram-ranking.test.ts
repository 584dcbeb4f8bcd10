import fs from "node:fs";
import path from "node:path";
import { francAll } from "franc-min";
import { describe, expect, it } from "vitest";
import { rankLanguages } from "./trigram-ranking";

const FIXTURES = path.join(__dirname, "../extract/fixtures");

/** The fr/es/de articles and the English seed body: whole, and in windows of varied length. */
function texts(): string[] {
  const out: string[] = [];
  for (const lang of ["fr", "es", "de"]) {
    for (const f of fs.readdirSync(path.join(FIXTURES, lang))) out.push(fs.readFileSync(path.join(FIXTURES, lang, f), "utf8"));
  }
  out.push(fs.readFileSync(path.join(FIXTURES, "seed-000-body.txt"), "utf8"));
  const windows: string[] = [];
  for (const t of out) for (let at = 0; at < t.length; at += 401) for (const len of [45, 120, 400, 3000]) windows.push(t.slice(at, at + len));
  return [...out, ...windows];
}

/**
 * Deterministic noise: mostly ASCII, some characters from across the BMP (other scripts), astral
 * characters (CJK extension B, which franc matches as surrogate pairs) and lone surrogates.
 */
function noise(count: number): string[] {
  let seed = 42;
  const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let s = "";
    const length = Math.floor(r() * 300);
    const astral = r() < 0.2;
    for (let i = 0; i < length; i++) {
      const x = r();
      if (x < 0.8) s += String.fromCharCode(32 + Math.floor(r() * 95));
      else if (astral && x < 0.9) s += String.fromCodePoint(r() < 0.8 ? 0x20000 + Math.floor(r() * 0x2000) : 0xd800 + Math.floor(r() * 0x800));
      else s += String.fromCharCode(Math.floor(r() * 0x3000));
    }
    return s;
  });
}

describe("rankLanguages", () => {
  it("gives franc-min's francAll answer, scores and order included", () => {
    const samples = [
      ...texts(),
      ...noise(300),
      "",
      "1234567890 1234567890 1234567890 1234567890 1234567890",
      "Привет, как дела? Это тест русского текста для проверки языка.",
      "مرحبا بكم في هذا الاختبار للنص العربي مرحبا بكم في هذا الاختبار",
      "नमस्ते यह हिंदी पाठ का परीक्षण है नमस्ते यह हिंदी पाठ का परीक्षण है",
      "これは日本語のテキストです。これは日本語のテキストです。",
      "Γειά σου κόσμε αυτό είναι ένα ελληνικό κείμενο δοκιμής",
    ];
    let compared = 0;
    for (const s of samples) {
      expect(rankLanguages(s)).toEqual(francAll(s));
      expect(rankLanguages(s, 40)).toEqual(francAll(s, { minLength: 40 }));
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("ranks a French article French", () => {
    const fr = fs.readFileSync(path.join(FIXTURES, "fr", "crues-sarne.txt"), "utf8");
    expect(rankLanguages(fr)[0]).toEqual(["fra", 1]);
  });
});

/**
 * A starter registry of well-known outlets, so wire agencies, state and public media are
 * recognised out of the box (their copies and their independence matter to the comparison).
 * Unknown outlets default to kind "unknown"; names that say they are an agency count as wire.
 */
export type OutletKind = "wire" | "state" | "public" | "independent" | "unknown";

export interface OutletProfile {
  name: string;
  kind: OutletKind;
  country: string | null;
  language: string | null;
}

const KNOWN: Record<string, OutletProfile> = {
  "apnews.com": { name: "Associated Press", kind: "wire", country: "US", language: "en" },
  "reuters.com": { name: "Reuters", kind: "wire", country: "GB", language: "en" },
  "afp.com": { name: "Agence France-Presse", kind: "wire", country: "FR", language: "fr" },
  "dpa.com": { name: "Deutsche Presse-Agentur", kind: "wire", country: "DE", language: "de" },
  "efe.com": { name: "EFE", kind: "wire", country: "ES", language: "es" },
  "ansa.it": { name: "ANSA", kind: "wire", country: "IT", language: "it" },
  "upi.com": { name: "United Press International", kind: "wire", country: "US", language: "en" },
  "aa.com.tr": { name: "Anadolu Agency", kind: "state", country: "TR", language: "tr" },
  "xinhuanet.com": { name: "Xinhua", kind: "state", country: "CN", language: "zh" },
  "news.cn": { name: "Xinhua", kind: "state", country: "CN", language: "zh" },
  "tass.com": { name: "TASS", kind: "state", country: "RU", language: "en" },
  "tass.ru": { name: "TASS", kind: "state", country: "RU", language: "ru" },
  "ria.ru": { name: "RIA Novosti", kind: "state", country: "RU", language: "ru" },
  "rt.com": { name: "RT", kind: "state", country: "RU", language: "en" },
  "sputniknews.com": { name: "Sputnik", kind: "state", country: "RU", language: "en" },
  "sana.sy": { name: "SANA", kind: "state", country: "SY", language: "ar" },
  "presstv.ir": { name: "Press TV", kind: "state", country: "IR", language: "en" },
  "irna.ir": { name: "IRNA", kind: "state", country: "IR", language: "fa" },
  "cgtn.com": { name: "CGTN", kind: "state", country: "CN", language: "en" },
  "aljazeera.com": { name: "Al Jazeera", kind: "state", country: "QA", language: "en" },
  "bbc.co.uk": { name: "BBC", kind: "public", country: "GB", language: "en" },
  "bbc.com": { name: "BBC", kind: "public", country: "GB", language: "en" },
  "npr.org": { name: "NPR", kind: "public", country: "US", language: "en" },
  "pbs.org": { name: "PBS", kind: "public", country: "US", language: "en" },
  "cbc.ca": { name: "CBC", kind: "public", country: "CA", language: "en" },
  "abc.net.au": { name: "ABC News (Australia)", kind: "public", country: "AU", language: "en" },
  "france24.com": { name: "France 24", kind: "public", country: "FR", language: "fr" },
  "dw.com": { name: "Deutsche Welle", kind: "public", country: "DE", language: "de" },
  "rfi.fr": { name: "RFI", kind: "public", country: "FR", language: "fr" },
  "nytimes.com": { name: "The New York Times", kind: "independent", country: "US", language: "en" },
  "washingtonpost.com": { name: "The Washington Post", kind: "independent", country: "US", language: "en" },
  "theguardian.com": { name: "The Guardian", kind: "independent", country: "GB", language: "en" },
  "lemonde.fr": { name: "Le Monde", kind: "independent", country: "FR", language: "fr" },
  "wsws.org": { name: "World Socialist Web Site", kind: "independent", country: null, language: "en" },
  "mondialisation.ca": { name: "Mondialisation.ca", kind: "independent", country: "CA", language: "fr" },
  "globalresearch.ca": { name: "Global Research", kind: "independent", country: "CA", language: "en" },
  "debka.com": { name: "DEBKAfile", kind: "independent", country: "IL", language: "en" },
};

/** Names that declare an agency ("Levant Wire", "Syrian Arab News Agency"). */
const AGENCY_NAME = /\b(wire|press agency|news agency|agence de presse|nachrichtenagentur|agencia de noticias)\b/i;

/** What Parallax knows about an outlet from its domain and name. */
export function profileOutlet(domain: string | null, name: string): Omit<OutletProfile, "name"> {
  const known = domain ? (KNOWN[domain] ?? KNOWN[domain.split(".").slice(-2).join(".")]) : undefined;
  if (known) return { kind: known.kind, country: known.country, language: known.language };
  return { kind: AGENCY_NAME.test(name) ? "wire" : "unknown", country: null, language: null };
}

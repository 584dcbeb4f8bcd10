/**
 * A deterministic synthetic news corpus for benchmarks: many outlets, events with 1–200
 * articles, wire copies republished verbatim, disagreeing and evolving casualty figures, and
 * quotes. Same `seed` and size, same corpus, byte for byte.
 */
import type { NormalizedArticle } from "../../lib/ingest/types";

/** Mulberry32: a tiny seeded PRNG, enough for reproducible synthetic data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Places and people are composed from syllables so that, as in real news, each event has its
// own names (a town, a street, victims, an official): what tells one event from the next.
const SYL_A = ["Al", "Bren", "Cas", "Dov", "Elm", "Far", "Glen", "Har", "Ist", "Jor", "Kel", "Low", "Mar", "Nor", "Oak", "Pel", "Quar", "Ros", "Stan", "Tarn", "Um", "Val", "West", "Yar", "Zen", "Ash", "Bel", "Cor", "Dun", "Fen"];
const SYL_B = ["moor", "ford", "rhun", "reth", "gate", "bay", "rock", "wick", "mere", "vale", "der", "marsh", "ham", "ridge", "lee", "mont", "dale", "by", "ton", "field"];
const GIVEN = ["Amira", "Tomas", "Lena", "Yusuf", "Claire", "Omar", "Ines", "Pavel", "Sara", "Malik", "Nadia", "Jonas", "Rita", "Hugo", "Leila", "Ivan", "Maya", "Karim", "Elena", "Samir"];
const FAMILY = ["Haddad", "Berg", "Okafor", "Demir", "Dumont", "Rahman", "Silva", "Novak", "Costa", "Farah", "Lindqvist", "Moreau", "Petrov", "Khalil", "Santos", "Weber", "Aziz", "Kowalski", "Nilsen", "Ortega"];
const REGIONS = ["the northern province", "the coastal district", "the eastern highlands", "the river valley", "the capital region", "the border area"];
const INCIDENTS = [
  { noun: "air strike", verb: "struck", subject: "coalition jets" },
  { noun: "car bombing", verb: "tore through", subject: "a car bomb" },
  { noun: "shelling", verb: "hit", subject: "artillery shells" },
  { noun: "shooting", verb: "opened fire on", subject: "a gunman" },
  { noun: "ferry accident", verb: "capsized near", subject: "an overloaded ferry" },
  { noun: "building collapse", verb: "collapsed in", subject: "a residential block" },
];
const GROUPS = ["civilians", "soldiers", "police officers", "people", "workers", "residents", "passengers"];
const AUTHORITIES = ["the health ministry", "local officials", "the civil defence agency", "a monitoring group", "police", "the regional governor's office", "hospital sources"];
const ROLES = ["the regional governor", "a spokesman for the ministry", "the head of the rescue service", "a witness", "a UN official", "the police chief"];
const STREETS = ["Market Street", "Station Road", "River Lane", "Hill Avenue", "Mill Road", "Church Street", "Harbour Road", "Park Lane"];
const FILLER = [
  "Emergency crews worked through the night to reach people trapped under debris.",
  "Roads into the area were closed and security forces set up checkpoints.",
  "Hospitals in the region appealed for blood donations as the number of patients rose.",
  "The government declared three days of mourning.",
  "International organisations called for an independent investigation into the circumstances.",
  "Residents described scenes of panic as the news spread through the neighbourhood.",
  "It was the deadliest incident in the area this year, according to local media.",
  "Officials said the search would continue until every missing person was accounted for.",
];
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function figure(r: () => number, n: number): string {
  const roll = r();
  const num = n <= 12 && r() < 0.4 ? NUMBER_WORDS[n]! : String(n);
  if (roll < 0.35) return `at least ${num}`;
  if (roll < 0.45) return `more than ${num}`;
  if (roll < 0.55) return `about ${num}`;
  if (roll < 0.6 && n > 30) return "dozens of";
  if (roll < 0.66) return `between ${n} and ${n + 1 + Math.floor(r() * 10)}`;
  return num;
}

/** The most articles one generated event has. */
export const MAX_EVENT_SIZE = 200;

export interface CorpusOptions {
  articles: number;
  seed?: number;
  outlets?: number;
}

/**
 * Generate `articles` articles. Event sizes follow a heavy tail (most events small, a few
 * up to 200 articles); ~8% of articles are verbatim wire copies republished by another outlet.
 */
export function* generateCorpus(opts: CorpusOptions): Generator<NormalizedArticle> {
  const r = rng(opts.seed ?? 42);
  const outletCount = opts.outlets ?? Math.max(500, Math.min(2000, Math.floor(opts.articles / 200)));
  const outlets = Array.from({ length: outletCount }, (_, i) => ({
    name: `Outlet ${i + 1} ${pick(r, ["Times", "Post", "Herald", "Daily", "Observer", "Wire", "News", "Chronicle"])}`,
    domain: `outlet${i + 1}.example`,
  }));
  const start = Date.UTC(2015, 0, 1);
  let produced = 0;
  let eventNo = 0;
  while (produced < opts.articles) {
    eventNo++;
    const size = Math.min(MAX_EVENT_SIZE, Math.max(1, Math.floor(1 / Math.pow(r() + 0.005, 1.1))), opts.articles - produced);
    const place = `${pick(r, SYL_A)}${pick(r, SYL_B)}`;
    const street = `${pick(r, STREETS).split(" ")[0]} ${pick(r, STREETS).split(" ")[1]}`;
    const victim = `${pick(r, GIVEN)} ${pick(r, FAMILY)}`;
    const region = pick(r, REGIONS);
    const incident = pick(r, INCIDENTS);
    const group = pick(r, GROUPS);
    const day0 = start + Math.floor(r() * 3 * 365) * 86_400_000;
    let killed = 1 + Math.floor(r() * (r() < 0.2 ? 120 : 15));
    const wounded = Math.floor(r() * killed * 3);
    const speaker = [`${pick(r, GIVEN)} ${pick(r, FAMILY)}`, pick(r, ROLES)] as const;
    let previous: NormalizedArticle | null = null;
    for (let k = 0; k < size; k++, produced++) {
      const outlet = pick(r, outlets);
      const at = new Date(day0 + Math.floor((k / Math.max(1, size)) * 4 * 86_400_000 + r() * 3_600_000 * 6));
      if (previous && r() < 0.08) {
        // A wire copy: same text, another outlet, a few hours later.
        yield { ...previous, url: `https://${outlet.domain}/wire/${eventNo}-${k}`, outlet, publishedAt: at.toISOString(), originalSource: null };
        continue;
      }
      if (r() < 0.3) killed += Math.floor(r() * 5); // counts rise as reports come in
      const authority = pick(r, AUTHORITIES);
      const paragraphs = [
        `${figure(r, killed)[0]!.toUpperCase()}${figure(r, killed).slice(1)} ${group} were killed and ${figure(r, wounded)} were wounded when ${incident.subject} ${incident.verb} ${place} in ${region} on ${new Date(day0).toUTCString().slice(0, 16)}, ${authority} said.`,
        `The ${incident.noun} happened near ${street}. Among the dead was ${victim}, relatives said.`,
        `"We are still counting the victims and the toll may rise," said ${speaker[0]}, ${speaker[1]}.`,
        ...Array.from({ length: 2 + Math.floor(r() * 5) }, () => pick(r, FILLER)),
        `According to ${pick(r, AUTHORITIES)}, ${Math.floor(r() * 20)} people remain missing after the ${incident.noun}.`,
        `${speaker[0]} told reporters that "the priority now is to help the families of those who died."`,
      ];
      const article: NormalizedArticle = {
        url: `https://${outlet.domain}/news/${eventNo}/${k}`,
        canonicalUrl: null,
        title: `${killed} killed in ${incident.noun} in ${place} - ${outlet.name}`,
        text: paragraphs.join("\n\n"),
        publishedAt: at.toISOString(),
        author: null,
        language: "en",
        outlet,
        originalSource: null,
        tags: [],
        externalId: null,
      };
      previous = article;
      yield article;
    }
  }
}

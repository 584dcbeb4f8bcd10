import type { CasualtyKind } from "../types";
import type { PatternPack, PredicateSpec, QualKind, VagueAmount } from "./types";
import { B, E, table, withPlurals, words } from "./words";

/**
 * German: number words (written as one word: "zweiundsechzig", "dreihundertfünfzig"), casualty
 * terms, qualifiers, attribution cues and quotation marks („…“, »…«) for the pattern engine.
 * German puts the verb second, so both orders are covered: "Mindestens 62 Menschen wurden
 * getötet" and "Bei dem Angriff wurden 62 Menschen getötet" / "starben 62 Menschen". Tested on
 * the original fixtures in `fixtures/de/`.
 */

const VALUES: Record<string, number> = {
  null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const SCALES: Record<string, number> = { hundert: 100, tausend: 1000, million: 1e6, millionen: 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9 };
const MORPHEMES = [...Object.keys(VALUES), ...Object.keys(SCALES), "und"].sort((a, b) => b.length - a.length);

/**
 * German number words are one word: split greedily into morphemes and put the units written
 * before their tens back in order ("zweiundsechzig" → [sechzig, zwei]; "hundertzweiundsechzig" →
 * [hundert, sechzig, zwei]). "null" alone is zero; inside a word it is no number.
 */
function morphemes(lower: string): string[] | null {
  if (lower === "null") return null; // zero only through `zero` ("null Tote"), never inside a number
  const parts: string[] = [];
  let i = 0;
  while (i < lower.length) {
    const m = MORPHEMES.find((p) => p !== "null" && lower.startsWith(p, i));
    if (!m) return null;
    parts.push(m);
    i += m.length;
  }
  if (!parts.length || parts[0] === "und" || parts[parts.length - 1] === "und") return null;
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    if (parts[k + 1] === "und") {
      const unit = parts[k]!;
      const tens = parts[k + 2];
      if (!tens || !(tens in VALUES) || VALUES[tens]! % 10 !== 0 || VALUES[tens]! < 20) return null;
      out.push(tens, unit === "ein" || unit === "eins" ? "eins" : unit);
      k += 2;
    } else if (parts[k] === "und") return null;
    else out.push(parts[k]!);
  }
  // "eins" only ends a number ("hunderteins"); "ein" only starts one ("einhundert", "eine Million").
  return out;
}

const about = (n: number): VagueAmount => ({ min: n, max: n, qualifier: "about" });
const atLeast = (n: number): VagueAmount => ({ min: n, max: null, qualifier: "vague" });

const VAGUE: Array<[string, VagueAmount]> = [
  ["zehntausende", atLeast(20000)],
  ["hunderttausende", atLeast(200000)],
  ["mehrere|einige dutzend", atLeast(24)],
  ["mehrere|einige hundert", atLeast(200)],
  ["mehrere|einige tausend", atLeast(2000)],
  ["dutzende", atLeast(24)],
  ["hunderte", atLeast(200)],
  ["tausende", atLeast(2000)],
  ["ein dutzend", about(12)],
  ["mehrere", atLeast(2)],
  ["einige", atLeast(2)],
  ["zahlreiche", atLeast(3)],
];

const QUALIFIERS: Array<[string, QualKind]> = [
  ["nicht weniger als", "at_least"],
  ["mehr als", "more_than"],
  ["weniger als", "less_than"],
  ["bis zu", "at_most"],
  ["mindestens", "at_least"],
  ["wenigstens", "at_least"],
  ["über", "more_than"],
  ["gut", "more_than"],
  ["höchstens", "at_most"],
  ["fast", "at_most"],
  ["beinahe", "at_most"],
  ["knapp", "at_most"],
  ["nahezu", "at_most"],
  ["etwa", "about"],
  ["rund", "about"],
  ["ungefähr", "about"],
  ["circa", "about"],
  ["ca", "about"],
  ["zirka", "about"],
];

const K = (kind: CasualtyKind, transitive = false): PredicateSpec => ({ kind, transitive });

const PREDICATES: Array<[string, PredicateSpec]> = [
  ["tot aufgefunden|geborgen", K("killed")],
  ["ums leben", K("killed")],
  ["ihr|sein|das leben verloren", K("killed")],
  ["getötet|erschossen|erstochen|ermordet|hingerichtet|umgebracht|massakriert", K("killed", true)],
  ["tot|gestorben|starben|starb|sterben|stirbt|verstorben|verstarben|verstarb", K("killed")],
  ["schwer|leicht|lebensgefährlich verletzt|verwundet", K("wounded", true)],
  ["verletzt|verwundet|schwerverletzt|leichtverletzt|niedergestochen|angeschossen", K("wounded", true)],
  ["als vermisst", K("missing")],
  ["vermisst|verschollen", K("missing", true)],
  ["als geiseln genommen", K("captured", true)],
  ["gefangen genommen", K("captured", true)],
  ["entführt|verschleppt|verschleppten|entführten", K("captured", true)],
  ["aus ihren|seinen|ihrem|seinem häusern|dörfern|wohnungen|heimatorten|dorf|haus geflohen|geflüchtet|vertrieben", K("displaced")],
  ["ihre|seine häuser|wohnungen|dörfer|heimat|heimatorte verlassen", K("displaced")],
  ["vertrieben", K("displaced", true)],
  ["geflohen|geflüchtet|flohen|flüchteten", K("displaced")],
];

const ACTIVE: Array<[string, CasualtyKind]> = [
  ["tötete|töteten|tötet|töten|tötend", "killed"],
  ["starben|starb|sterben", "killed"],
  ["verletzte|verletzten|verletzt|verwundete|verwundeten", "wounded"],
  ["entführte|entführten|verschleppte|verschleppten", "captured"],
  ["vertrieb|vertrieben", "displaced"],
];

const PERSON = withPlurals(
  "person zivilist soldat kind frau polizist kämpfer rebell bewohner einwohner passant fahrer passagier schüler student " +
    "journalist helfer sanitäter arbeiter mitarbeiter flüchtling tourist demonstrant mitglied opfer angreifer geisel " +
    "gefangene bauer fischer vater mutter sohn tochter bruder schwester jugendliche säugling offizier milizionär pilot " +
    "familie zivilperson dorfbewohner anwohner baby feuerwehrmann wachmann",
);
for (const w of "mensch menschen soldaten kinder frauen mann männer polizisten rebellen passanten passagiere studenten journalisten ärzte arzt flüchtlinge touristen demonstranten mitglieder geiseln bauern offiziere milizionäre piloten familien leute feuerwehrleute wachleute zivilisten".split(" ")) PERSON.add(w);

const PASSIVE_AUX = words("wurde wurden worden werden wird sind ist war waren sein gelten galten gilt galt");
const ACTIVE_AUX_SET = words("hat haben hatte hatten habe");
const AUX_SKIP = words("kam kamen mussten musste auch ebenfalls bereits offenbar vermutlich mutmaßlich insgesamt alle zudem dabei noch jeweils inzwischen mittlerweile nun dort");

/** The German pack. */
export const de: PatternPack = {
  engine: "pattern",
  code: "de",
  name: "German",
  abbreviations: words("bzw usw dr prof nr ca vgl jh mio mrd str hr fr abs bzgl evtl ggf inkl jan feb mär apr aug sep sept okt nov dez"),
  elisions: new Set(),
  afterOrdinal: /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b/,
  decimalComma: true,
  numbers: {
    morphemes,
    values: VALUES,
    scales: SCALES,
    connectors: new Set(),
    articles: words("ein eine einen einem einer eines"),
    zero: words("kein keine keinen keiner null"),
  },
  vague: table(VAGUE),
  qualifiers: table(QUALIFIERS),
  postQualifiers: [],
  range: {
    separators: words("bis - – oder"),
    between: words("zwischen"),
    betweenSeparators: words("und"),
    from: words("von"),
    fromSeparators: words("bis auf"),
  },
  changeWords: words("stieg steigt gestiegen erhöhte erhöht kletterte geklettert wuchs gewachsen"),
  of: words("von"),
  casualtyNouns: {
    tote: "killed", toten: "killed", todesopfer: "killed", opfer: "killed", verletzte: "wounded", verletzten: "wounded",
    verwundete: "wounded", verwundeten: "wounded", schwerverletzte: "wounded", schwerverletzten: "wounded",
    leichtverletzte: "wounded", vermisste: "missing", vermissten: "missing", geiseln: "captured", vertriebene: "displaced",
    vertriebenen: "displaced", flüchtlinge: "displaced",
  },
  predicates: table(PREDICATES),
  activeVerbs: table(ACTIVE),
  determinersBeforeNumber: words("die der den alle seine ihre"),
  aux: {
    passive: PASSIVE_AUX,
    active: ACTIVE_AUX_SET,
    singular: words("wurde wird ist war hat hatte gilt galt"),
    skip: AUX_SKIP,
    negators: words("nicht nie niemals"),
    modal: words("beinahe könnten konnten drohen droht"),
    bracket: {
      finite: new Set([...PASSIVE_AUX, ...ACTIVE_AUX_SET, ...words("kam kamen kommt kommen")]),
      window: 10,
      stops: words("und oder aber sondern dass weil als wenn nachdem während denn die der das welche welcher"),
    },
  },
  personNouns: PERSON,
  personPronouns: words("er sie"),
  singularDeterminers: words("der die das den dem ein eine einen einem einer"),
  npStop: new Set([
    ...PASSIVE_AUX, ...ACTIVE_AUX_SET, ...AUX_SKIP,
    ...words(
      "und oder aber in im an am auf aus bei beim mit nach vom zu zum zur durch für gegen ohne um unter über vor hinter " +
        "neben zwischen seit während laut dass die das den dem ein eine einen einem einer es er sie wir ihr sich nicht " +
        "montag dienstag mittwoch donnerstag freitag samstag sonntag gestern",
    ),
  ]),
  npLinks: words("des der von"),
  otherWords: words("weitere weiteren andere anderen"),
  nonPersonNouns: words(
    "fahrzeuge fahrzeug häuser haus gebäude flugzeuge panzer lastwagen angriffe angriff raketen rakete granaten bomben " +
      "schüsse tage tag stunden stunde minuten wochen monate jahre jahr kilometer meter mal euro dollar tonnen länder " +
      "städte dörfer stellungen krankenhäuser schulen anschläge drohnen hubschrauber autos",
  ),
  unitsAfter: words(
    "jahre jahren jahr monate monaten tage tagen stunden stunde uhr h minuten kilometer km meter m prozent % euro € " +
      "dollar $ tonnen kg mal januar februar märz april mai juni juli august september oktober november dezember",
  ),
  nonCountBefore: words("nummer nr route artikel resolution seite kapitel alter"),
  toll: {
    heads: table<true>([["bilanz", true], ["zahl der toten|opfer|todesopfer", true], ["todeszahl|opferzahl|totenzahl", true]]).map(([p]) => p),
    filler: words("später zuletzt inzwischen stieg steigt ist lag liegt beträgt betrug auf von inzwischen mittlerweile bereits nun jetzt gestiegen erhöhte erhöht sich hat mit offiziell vorläufige"),
  },
  negations: [
    [new RegExp(`${B}niemand\\s+(?:wurde|ist|war)\\s+(verletzt|getötet)${E}`, "giu"), "killed"],
    [new RegExp(`${B}niemand\\s+(?:kam\\s+)?ums\\s+(Leben)${E}`, "giu"), "killed"],
    [new RegExp(`${B}ohne\\s+(Verletzte|Tote)${E}`, "giu"), "killed"],
    [new RegExp(`${B}(?:unverletzt|unversehrt)${E}`, "giu"), "wounded"],
  ],
  context: new RegExp(
    `${B}(?:seit\\s+(?:beginn|anfang|ausbruch)|(?<!(?:schwerste|schwersten|blutigste|blutigsten|tödlichste|tödlichsten)[^.]{0,40})seit\\s+(?:19|20)\\d\\d` +
      `|insgesamt|in\\s+diesem\\s+jahr|dieses\\s+jahr|im\\s+(?:vergangenen|letzten)\\s+(?:jahr|monat)|im\\s+vorjahr|jedes\\s+jahr|pro\\s+jahr` +
      `|in\\s+den\\s+(?:vergangenen|letzten)\\s+(?:\\p{L}+\\s+)?(?:jahren|monaten)|der\\s+(?:krieg|konflikt)\\s+hat(?:te)?` +
      `|bei\\s+(?:einem|einer)\\s+(?:früheren|anderen|vorherigen)\\s+(?:angriff|anschlag|vorfall|attacke))${E}`,
    "iu",
  ),
  pastYear: new RegExp(`${B}(?:im\\s+(?:jahr(?:e)?|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)|bereits|schon)\\s+((?:19|20)\\d\\d)${E}`, "giu"),
  genericGroups: /^(?:menschen|personen|leute|opfer|insgesamt)$/i,
  candidate: /leben verloren|erstochen|niedergestochen|angeschossen|verlass|getötet|tötet|töten|tote|toten|todesopfer|opfer|starb|sterb|gestorben|verstorb|verstarb|ums leben|verletz|verwund|vermisst|verschollen|geisel|entführ|verschlepp|gefangen|vertrieb|geflohen|flohen|flücht|erschoss|ermordet|hingerichtet|umgebracht|massakr|bilanz|zahl der|unverletzt|unversehrt|kein|niemand/i,
  quotes: { pairs: [["„", "“"], ["»", "«"], ["‚", "‘"], ["“", "”"]] },
  speech: {
    verbs: words(
      "sagte sagten sagt sagen gesagt erklärte erklärten erklärt teilte teilten betonte betont berichtete berichtet " +
        "bestätigte bestätigt warnte warnt kritisierte kritisiert forderte fordert räumte fügte schrieb schreibt meinte meint " +
        "erläuterte versicherte verkündete erzählte erzählt behauptete behauptet dementierte hieß sprach mitteilte mitteilten " +
        "berichtete berichteten bestätigte bestätigten erklärte",
    ),
    aux: words("hat haben hatte hatten"),
    according: table<true>([["laut", true], ["nach angaben|schätzungen|informationen von|des|der|vom", true]]).map(([p]) => p),
    postQuote: [["so"]],
    complementizers: words("dass daß"),
    participles: new Set(),
    pronouns: words("er sie"),
    inversion: null,
    timeWords: words("am montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute abend"),
    determiners: words("der die das den dem des ein eine einen einem einer eines dieser diese dieses sein seine ihr ihre"),
    speakerStops: words("in im an auf aus bei beim mit nach vor gegen über zu zum zur für und oder aber dass montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute"),
    speakerNouns: words(
      "sprecher sprecherin ministerium regierung armee polizei behörde behörden quelle quellen zeuge zeugen präsident " +
        "präsidentin chef chefin kommandeur general offizier diplomat botschafter vertreter gesandte beobachtungsstelle " +
        "organisation agentur mitteilung bericht koalition sekretär direktor direktorin arzt ärzte bürgermeister " +
        "staatsanwalt staatsanwaltschaft anwalt experte experten analyst aktivist rat ausschuss kommission feuerwehr " +
        "rettungskräfte militär soldaten rebellen ermittler gouverneur abgeordnete opposition regime pentagon kreml uno un " +
        "nato krankenhaus familie nachbar überlebende minister ministerin innenministerium verteidigungsministerium augenzeugen",
    ),
    speakerSuffix: /(?:er|erin|ent|ant|ist|istin|ium|ung|schaft|behörde)(?:n|en|s|innen)?$/,
    roleNouns: words(
      "sprecher sprecherin minister ministerin präsident präsidentin chef chefin direktor direktorin leiter leiterin " +
        "vertreter vertreterin mitglied sekretär kommandeur botschafter botschafterin berater abgeordneter bürgermeister " +
        "general oberst hauptmann major herr frau",
    ),
    outletHeads: words("agentur nachrichtenagentur zeitung sender fernsehsender rundfunk magazin dpa afp reuters ap bbc cnn ard zdf"),
    channelCues: table<true>([["gegenüber der|dem", true], ["gegenüber", true], ["der|dem", true]]).map(([p]) => p),
  },
};

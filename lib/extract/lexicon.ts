import type { CasualtyKind } from "./types";

/**
 * Word lists shared by the casualty and statement extractors. Patterns are arrays of token
 * alternatives ("a|b") matched against lower-cased wink tokens; "*" matches any one token.
 */
export type Pattern = string[];

/** A casualty kind, or "shot": a victim who was shot with no outcome given (weak evidence of wounded). */
export type PredicateKind = CasualtyKind | "shot";

/**
 * Predicates that say what happened to a subject ("were killed", "died", "in critical condition").
 * Longest first so "shot and killed" wins over "shot".
 */
export const PREDICATES: Array<[Pattern, PredicateKind]> = (
  [
    [["shot|stabbed|beaten|burned|bludgeoned|strangled|choked|crushed|hacked", "to", "death"], "killed"],
    [["found|discovered", "shot", "to", "death"], "killed"],
    [["found|discovered", "shot|stabbed", "dead"], "killed"],
    [["shot|stabbed|gunned", "and", "killed"], "killed"],
    [["shot|stabbed", ",", "killed"], "killed"],
    [["shot", "and", "fatally|mortally", "wounded|injured"], "killed"],
    [["shot", "dead"], "killed"],
    [["pronounced|found|declared|confirmed|reported|feared|presumed|left", "dead|deceased"], "killed"],
    [["found", "slain|murdered|killed"], "killed"],
    [["gunned", "down"], "killed"],
    [["lost", "their|his|her", "lives|life"], "killed"],
    [["did|does", "not|n't", "survive"], "killed"],
    [["succumbed|succumbs", "to"], "killed"],
    [["passed", "away"], "killed"],
    // "Two children were among the dead": the group is among the victims (a lower bound).
    [["among", "the", "dead|deceased|fatalities|killed|slain"], "killed"],
    [["among", "those", "killed|slain"], "killed"],
    [["among", "the", "wounded|injured"], "wounded"],
    [["among", "those", "wounded|injured|hurt|hospitalized|hospitalised"], "wounded"],
    [["fatally|mortally", "shot|wounded|injured|stabbed|struck|hit|hurt"], "killed"],
    [["killed|dead|died|dies|slain|murdered|massacred|executed|perished|deceased|assassinated|slaughtered"], "killed"],
    [["shot|stabbed", "and", "critically|seriously|badly|severely|gravely|critically|non-fatally", "wounded|injured|hurt"], "wounded"],
    [["shot|stabbed", "and", "wounded|injured|hurt"], "wounded"],
    [["shot|stabbed", ",", "wounded|injured|hurt"], "wounded"],
    [["in", "critical|serious|stable|fair|grave|guarded|good", "but", "stable|critical|serious", "condition"], "wounded"],
    [["in", "critical|serious|stable|fair|grave|guarded|satisfactory", "condition"], "wounded"],
    // Weak evidence ("shot"): being taken to hospital or having gunshot wounds also describes
    // victims who then died; the summary only counts these as wounded when nobody was killed.
    [["taken|rushed|transported|airlifted|flown|driven|brought|transferred", "to", "*", "*", "hospital|hospitals"], "shot"],
    [["taken|rushed|transported|airlifted|flown|driven|brought|transferred", "to", "*", "hospital|hospitals"], "shot"],
    [["taken|rushed|transported|airlifted|flown|driven|brought|transferred", "to", "hospital|hospitals"], "shot"],
    [["in", "the|a", "hospital"], "shot"],
    [["treated", "and", "released"], "wounded"],
    [["treated", "for", "*", "wounds|wound"], "shot"],
    [["treated", "for", "*", "injuries"], "wounded"],
    [["treated", "for", "injuries"], "wounded"],
    [["suffered|sustained|received|had|has", "*", "*", "*", "wounds|wound"], "shot"],
    [["suffered|sustained|received|had|has", "*", "*", "wounds|wound"], "shot"],
    [["suffered|sustained|received|had|has", "*", "wounds|wound"], "shot"],
    [["suffered|sustained|received|had|has", "wounds"], "shot"],
    [["suffered|sustained|received|had|has", "*", "*", "*", "injuries"], "wounded"],
    [["suffered|sustained|received|had|has", "*", "*", "injuries"], "wounded"],
    [["suffered|sustained|received|had|has", "*", "injuries"], "wounded"],
    [["suffered|sustained|received|had|has", "injuries"], "wounded"],
    [["wounded|injured|hurt|hospitalized|hospitalised|grazed|maimed"], "wounded"],
    [["recovering|recuperating", "from|in|at|after"], "wounded"],
    [["unaccounted", "for"], "missing"],
    [["went|gone|go|goes", "missing"], "missing"],
    [["missing"], "missing"],
    [["taken|held", "hostage|captive|prisoner"], "captured"],
    [["captured|abducted|kidnapped|seized"], "captured"],
    // Displaced: people who left their homes because of the event. "Evacuated" alone is not
    // displacement (a precautionary evacuation is lifted within hours); it counts only when the
    // text says the people fled, were displaced or lost their homes.
    [["fled|left|flee|fleeing", "their|his|her", "homes|home|houses|villages|town|city|country"], "displaced"],
    [["forced", "to", "flee"], "displaced"],
    [["forced", "to", "leave", "their|his|her", "homes|home"], "displaced"],
    [["forced|driven", "from", "their|his|her", "homes|home"], "displaced"],
    [["left|made|rendered", "homeless"], "displaced"],
    [["displaced|uprooted|fled"], "displaced"],
    [["shot"], "shot"],
    // Stabbed with no outcome given: as weak as "shot".
    [["stabbed|slashed"], "shot"],
  ] as Array<[Pattern, PredicateKind]>
);

/** Verbs that take the victims as object: "killing his five young children", "wounded 3". */
export const ACTIVE_VERBS: Array<[Pattern, PredicateKind]> = [
  [["shot|stabbed|gunned", "and", "killed"], "killed"],
  [["shooting|stabbing", "and", "killing"], "killed"],
  [["shot|shooting", "dead"], "killed"],
  [["fatally|mortally", "shot|shooting|stabbed|stabbing|wounded|wounding|injured|injuring"], "killed"],
  [["gunned|gunning|mowed|mowing", "down"], "killed"],
  [["claimed|claiming|took|taking|claims|takes", "the", "lives", "of"], "killed"],
  [["claimed|claiming|took|taking|claims|takes", "the", "life", "of"], "killed"],
  [["death|deaths|killing|killings|murder|murders|slaying|slayings", "of"], "killed"],
  [["killed|killing|kills|kill|murdered|murdering|murders|slaughtered|slaughtering|massacred|massacring|slew|slaying|executed|executing|assassinated"], "killed"],
  [["shot|shooting", "and", "wounded|wounding|injured|injuring"], "wounded"],
  [["wounded|wounding|injured|injuring|injures|injure"], "wounded"],
  [["kidnapped|kidnapping|abducted|abducting|captured|capturing"], "captured"],
  [["displaced|displacing|uprooted"], "displaced"],
  [["shot|shooting|shoots"], "shot"],
  [["stabbed|stabbing|stabs"], "shot"],
];

/** Nouns that name the casualties themselves: "62 deaths", "three fatalities", "100 wounded". */
export const CASUALTY_NOUNS: Record<string, PredicateKind> = {
  deaths: "killed", death: "killed", fatalities: "killed", fatality: "killed", dead: "killed", killed: "killed",
  bodies: "killed", body: "killed", homicides: "killed", homicide: "killed", murders: "killed", killings: "killed",
  injuries: "wounded", injury: "wounded", injured: "wounded", wounded: "wounded", casualties: "wounded",
  hostages: "captured", hostage: "captured", captives: "captured", abductees: "captured",
  refugees: "displaced", displaced: "displaced", missing: "missing",
};

/**
 * Words allowed between a subject and its predicate: auxiliaries, relative pronouns and adverbs
 * ("who were reportedly later", "have both been").
 */
export const AUX_WORDS = new Set(
  (
    "was were is are be been being has have had 's 're who that which reportedly also later all both each " +
    "allegedly apparently believed thought feared confirmed now since subsequently then eventually initially " +
    "accidentally unintentionally mistakenly inadvertently intentionally deliberately randomly repeatedly " +
    "originally critically seriously badly severely slightly mortally reported previously still ultimately " +
    "just to listed remains remained remain known said understood presumed"
  ).split(" "),
);

/** Auxiliaries that make a predicate hypothetical ("could have been killed"): no claim. */
export const MODAL_WORDS = new Set("could would might may should must can will shall 'd 'll nearly almost narrowly".split(" "));

/** Negators: "were not injured", "wasn't hurt". */
export const NEGATORS = new Set("not n't never no".split(" "));

/**
 * Nouns for a single person. "a man was killed" is a claim of 1; "the 36-year-old man" refers
 * back and is also 1. Plural forms are recognised by the trailing "s" where regular.
 */
export const PERSON_NOUNS = new Set(
  (
    "man woman boy girl teen teenager child kid baby infant toddler person victim officer deputy trooper agent " +
    "driver passenger student resident father mother dad mom son daughter brother sister husband wife uncle aunt " +
    "cousin nephew niece grandmother grandfather grandson granddaughter grandma grandpa friend neighbor neighbour " +
    "suspect gunman shooter robber burglar intruder clerk cashier employee worker owner customer pedestrian " +
    "bystander soldier guard teacher youth juvenile male female adult senior individual motorist cyclist " +
    "homeowner tenant roommate girlfriend boyfriend fiancé fiancee fiancée partner stepfather stepson stepdaughter " +
    "stepmother patient inmate prisoner veteran pastor priest journalist reporter civilian sergeant detective " +
    "marshal ranger firefighter paramedic nurse doctor cop policeman policewoman trucker hunter farmer mechanic " +
    "bouncer manager attendant rapper singer player coach athlete freshman sophomore junior teenager preteen " +
    "newborn lady gentleman sheriff constable security mayor resident caretaker landlord homeless " +
    "motorcyclist jogger fisherman shopkeeper shopper bartender waiter waitress dealer vendor courier " +
    "militant fighter rebel gunmen troop"
  ).split(" "),
);

const IRREGULAR_PLURALS = new Set("men women children kids people persons babies youths police troops gunmen policemen".split(" "));

/** Is `w` (lower case) a plural noun for people ("men", "victims", "officers")? */
export function isPersonPlural(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.endsWith("ies") && PERSON_NOUNS.has(w.slice(0, -3) + "y")) return true;
  return w.endsWith("s") && PERSON_NOUNS.has(w.slice(0, -1));
}

/** Reporting verbs: the cue of a statement ("said", "told", "declared"). Lower case, inflected. */
export const SPEECH_VERBS = new Set(
  (
    "said say says saying told tell tells telling added adds adding declared declares declaring stated states " +
    "stating wrote writes write writing asked asks asking explained explains explaining continued continues " +
    "noted notes noting insisted insists insisting argued argues arguing recalled recalls recalling tweeted " +
    "tweets tweeting replied replies replying responded responds responding warned warns warning claimed claims " +
    "claiming announced announces announcing acknowledged acknowledges acknowledging admitted admits admitting " +
    "remarked remarks observed observes reported reports reporting suggested suggests suggesting " +
    "urged urges urging predicted predicts charged charges countered counters conceded concedes " +
    "confirmed confirms denied denies blasted blasts quipped quips joked jokes shouted shouts yelled yells " +
    "screamed cried whispered chanted chanting chants sang sings sing read reads posted posts " +
    "emphasized emphasised stressed stresses agreed agrees complained complains lamented laments " +
    "boasted boasts mused muses vowed vows promised promises pledged pledges concluded concludes " +
    "testified testifies contended contends maintained maintains acknowledged wondered wonders " +
    "accused accuses accusing described describes describing called calls calling echoed echoes " +
    "explained insists recounted recounts conceded texted emailed messaged " +
    "opined scoffed snapped fumed retorted interjected summed cited cites citing " +
    // Evaluative verbs that PolNeAR-style attribution counts as cues ("blasted Clinton as a “disgrace”").
    "dismissed dismisses criticized criticizes criticised attacked attacks mocked mocks slammed slams praised praises " +
    "hailed hails lauded derided ridiculed condemned condemns denounced denounces decried decries labeled labels " +
    "labelled branded brands dubbed dubs termed terms characterized characterizes likened likens compared compares " +
    "vowed pledged encouraged encourage encourages urge demanded demands questioned questions challenged " +
    "defended defends touted touts bemoaned referred refers referenced references mentioned mentions " +
    "highlighted cautioned advised proclaimed proclaims asserted asserts alleged alleges predicted " +
    "recommended suggested explained insisted reiterated reiterates repeated repeats responded acknowledged " +
    // Base forms, for plural subjects ("Democrats argue", "Obama and Clinton call them ...").
    "call argue claim insist note warn accuse deny admit suggest predict vow promise pledge declare announce " +
    "complain criticize criticise describe refer mention concede confirm explain recall contend " +
    "maintain agree wonder tweet write add ask demand respond reply acknowledge dismiss praise condemn denounce"
  ).split(" "),
);

/** Lower-case words for organisations, used to tell "it"/"the ministry" antecedents from people. */
export const ORG_HEADS = new Set(
  (
    "ministry department command office agency council committee commission campaign administration " +
    "government army military navy force forces police service bureau center centre institute " +
    "foundation association organization organisation group party coalition company corporation " +
    "board court senate house congress parliament union university school hospital network " +
    "newspaper paper magazine publication website site outlet daily times post journal news tribune " +
    "herald observatory monitor team firm bank fund authority authorities embassy mission file " +
    "channel station broadcaster agency report reports statement white state"
  ).split(" "),
);

/** Lower-case heads that mark a news outlet ("the DEBKA File publication", "the Times"). */
export const OUTLET_HEADS = new Set(
  "newspaper paper magazine publication website site outlet daily times post journal news tribune herald file channel station broadcaster network gazette telegraph guardian reuters ap afp cnn bbc msnbc fox abc cbs nbc npr politico axios bloomberg today cnbc wsj".split(
    " ",
  ),
);

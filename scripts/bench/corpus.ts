/**
 * A deterministic synthetic news corpus for benchmarks (version CORPUS_VERSION): many outlets,
 * events with 1–200 articles, wire copies republished verbatim, disagreeing and evolving
 * casualty figures, quotes, article lengths like real news (log-normal, median ~2 KB, p90
 * ~5 KB), a few articles in French and Spanish, and a chronological stream: events start in
 * time order and the articles of concurrent events interleave by publication time, as in a
 * feed or an archive. Same `seed` and size, same corpus, byte for byte.
 */
import type { NormalizedArticle } from "../../lib/ingest/types";

/** Bump when the generated corpus changes, so that no database of an older corpus is reused. */
export const CORPUS_VERSION = 2;

/** The most articles one generated event has. */
export const MAX_EVENT_SIZE = 200;

/** Articles per day of timeline (the span is at least three years): event density stays realistic whatever the size. */
export const ARTICLES_PER_DAY = 400;

const DAY = 86_400_000;
const HOUR = 3_600_000;

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

type Rand = () => number;

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// Places and people are composed from syllables so that, as in real news, each event has its
// own names (a town, a street, victims, officials): what tells one event from the next. Tens of
// thousands of places and millions of person names keep concurrent events apart at 1M articles.
const PLACE_A = ["Al", "Bren", "Cas", "Dov", "Elm", "Far", "Glen", "Har", "Ist", "Jor", "Kel", "Low", "Mar", "Nor", "Oak", "Pel", "Quar", "Ros", "Stan", "Tarn", "Um", "Val", "West", "Yar", "Zen", "Ash", "Bel", "Cor", "Dun", "Fen", "Gar", "Hol", "Ker", "Lin", "Mor", "Nes", "Or", "Pra", "Ran", "Sel", "Tor", "Ul", "Ven", "Wil", "Xan", "Yor", "Zar", "Bar"];
const PLACE_M = ["a", "e", "i", "o", "an", "en", "in", "on", "ar", "er", "or", "el", "il", "ol", "u", "ra", "ri", "ro", "la", "li", "lo", "na", "ni", "ta", "ti", "to", "ba", "be", "da", "de", "ma", "me"];
const PLACE_B = ["moor", "ford", "rhun", "reth", "gate", "bay", "rock", "wick", "mere", "vale", "der", "marsh", "ham", "ridge", "lee", "mont", "dale", "by", "ton", "field", "stead", "burg", "holm", "thorpe", "worth", "well", "brook", "crest", "haven", "port", "stone", "wood", "more", "land", "mouth", "cliff", "hurst", "combe", "shaw", "ness"];
const GIVEN_A = ["Am", "Tom", "Len", "Yus", "Cla", "Om", "In", "Pav", "Sar", "Mal", "Nad", "Jon", "Rit", "Hug", "Lei", "Iv", "May", "Kar", "El", "Sam", "Ar", "Dan", "Fel", "Gab", "Han", "Is", "Jul", "Kat", "Lu", "Mir", "Nik", "Ol", "Pet", "Ra", "Sof", "Tar", "Val", "Vik", "Zan", "Ed"];
const GIVEN_B = ["a", "o", "ina", "el", "ir", "an", "ia", "ena", "us", "ik", "ar", "on", "ie", "is", "ela", "ami", "or", "una", "et", "ya"];
const FAMILY_A = ["Had", "Ber", "Oka", "Dem", "Du", "Rah", "Sil", "No", "Cos", "Fa", "Lind", "Mo", "Pet", "Kha", "San", "We", "A", "Ko", "Nil", "Or", "Bran", "Ci", "Del", "Es", "Gu", "Ib", "Ja", "Ka", "Lo", "Ma", "Ne", "Pa", "Ro", "Sa", "Ta", "Vo", "Ya", "Za", "Hu", "Mi"];
const FAMILY_M = ["d", "r", "l", "n", "v", "k", "s", "m", "t", "z", "dr", "st", "nt", "lv", "rk", "b"];
const FAMILY_B = ["ad", "er", "afor", "ir", "mont", "man", "va", "vak", "ta", "rah", "qvist", "reau", "rov", "lil", "tos", "ber", "iz", "wski", "sen", "tega", "escu", "enko", "ović", "ani", "ero", "ssi", "elli", "ez", "ides", "oglu"];
const STREET_KINDS = ["Street", "Road", "Avenue", "Lane", "Boulevard", "Square"];
const REGION_KINDS = ["province", "district", "county", "region", "prefecture"];
const REGION_SIDES = ["northern", "southern", "eastern", "western", "central", "coastal", "mountainous", "border"];

const INCIDENTS = [
  { noun: "air strike", verb: "struck", subject: "coalition jets", cause: "military" },
  { noun: "car bombing", verb: "tore through", subject: "a car bomb", cause: "attack" },
  { noun: "shelling", verb: "hit", subject: "artillery shells", cause: "military" },
  { noun: "shooting", verb: "opened fire on", subject: "a gunman", cause: "attack" },
  { noun: "ferry accident", verb: "capsized near", subject: "an overloaded ferry", cause: "accident" },
  { noun: "building collapse", verb: "collapsed in", subject: "a residential block", cause: "accident" },
  { noun: "train crash", verb: "derailed near", subject: "a passenger train", cause: "accident" },
  { noun: "factory fire", verb: "swept through", subject: "a fire", cause: "accident" },
  { noun: "landslide", verb: "buried part of", subject: "a landslide", cause: "disaster" },
  { noun: "flood", verb: "swept through", subject: "flash floods", cause: "disaster" },
] as const;
type Incident = (typeof INCIDENTS)[number];

const GROUPS = ["civilians", "soldiers", "police officers", "people", "workers", "residents", "passengers", "children", "villagers"];
const AUTHORITIES = ["the health ministry", "local officials", "the civil defence agency", "a monitoring group", "police", "the regional governor's office", "hospital sources", "the interior ministry", "the Red Crescent", "the fire service", "medical workers", "the state news agency"];
const ROLES = ["the regional governor", "a spokesman for the ministry", "the head of the rescue service", "a witness", "a UN official", "the police chief", "the mayor", "a local doctor", "a spokeswoman for the civil defence agency", "a resident"];
const ROLES_OFFICIAL = ["the interior minister", "the prime minister", "the mayor", "the regional governor", "the army spokesman", "the transport minister", "the head of the provincial council"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const INDUSTRIES = ["farming", "fishing", "textiles", "mining", "tourism", "timber", "shipping", "cement production", "olive growing", "light manufacturing"];
const LANDMARKS = ["its old market", "a nineteenth-century cathedral", "a busy river port", "its railway workshops", "a university campus", "a sprawling bus station", "a military airfield", "its hillside citadel"];
const BUILDINGS = ["a school", "a mosque", "a church", "a clinic", "a bakery", "the town hall", "a petrol station", "a warehouse", "a market hall", "a bus depot"];
const COUNTRIES_HELPING = ["neighbouring countries", "the European Union", "the United Nations", "several Gulf states", "the African Union", "aid agencies"];
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const OUTLET_KINDS = ["Times", "Post", "Herald", "Daily", "Observer", "Wire", "News", "Chronicle", "Gazette", "Tribune", "Courier", "Star", "Journal", "Express", "Monitor"];

const placeName = (r: Rand) => `${pick(r, PLACE_A)}${pick(r, PLACE_M)}${pick(r, PLACE_B)}`;
const familyName = (r: Rand) => `${pick(r, FAMILY_A)}${pick(r, FAMILY_M)}${pick(r, FAMILY_B)}`;
const personName = (r: Rand) => `${pick(r, GIVEN_A)}${pick(r, GIVEN_B)} ${familyName(r)}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function figure(r: Rand, n: number): string {
  const roll = r();
  const num = n <= 12 && r() < 0.4 ? NUMBER_WORDS[n]! : String(n);
  if (roll < 0.35) return `at least ${num}`;
  if (roll < 0.45) return `more than ${num}`;
  if (roll < 0.55) return `about ${num}`;
  if (roll < 0.6 && n > 30) return "dozens of";
  if (roll < 0.66) return `between ${n} and ${n + 1 + Math.floor(r() * 10)}`;
  return num;
}

/** Everything the articles about one event share: its names, place, date and figures. */
interface EventFacts {
  no: number;
  at: number;
  place: string;
  town2: string;
  region: string;
  street: string;
  victims: [string, string];
  speaker: { name: string; role: string };
  official: { name: string; role: string };
  hospital: string;
  incident: Incident;
  group: string;
  killed: number;
  wounded: number;
  missing: number;
  population: number;
  founded: number;
  road: number;
  distanceKm: number;
  budgetMillions: number;
  building: string;
}

function newEvent(r: Rand, no: number, at: number): EventFacts {
  const killed = 1 + Math.floor(r() * (r() < 0.2 ? 120 : 15));
  const capital = placeName(r);
  return {
    no,
    at,
    place: placeName(r),
    town2: placeName(r),
    region: r() < 0.5 ? `the ${pick(r, REGION_SIDES)} ${pick(r, REGION_KINDS)}` : `${capital} ${pick(r, REGION_KINDS)}`,
    street: `${familyName(r)} ${pick(r, STREET_KINDS)}`,
    victims: [personName(r), personName(r)],
    speaker: { name: personName(r), role: pick(r, ROLES) },
    official: { name: personName(r), role: pick(r, ROLES_OFFICIAL) },
    hospital: `${familyName(r)} ${pick(r, ["Memorial Hospital", "General Hospital", "University Hospital", "District Hospital"])}`,
    incident: pick(r, INCIDENTS),
    group: pick(r, GROUPS),
    killed,
    wounded: Math.floor(r() * killed * 3),
    missing: Math.floor(r() * 20),
    population: (5 + Math.floor(r() * 400)) * 1000 + Math.floor(r() * 10) * 100,
    founded: 1200 + Math.floor(r() * 750),
    road: 1 + Math.floor(r() * 480),
    distanceKm: 5 + Math.floor(r() * 300),
    budgetMillions: 1 + Math.floor(r() * 90),
    building: pick(r, BUILDINGS),
  };
}

const dayName = (t: number) => WEEKDAYS[new Date(t).getUTCDay()]!;
const dateName = (t: number) => `${MONTHS[new Date(t).getUTCMonth()]!} ${new Date(t).getUTCDate()}`;
const clock = (t: number) => {
  const d = new Date(t);
  const h = d.getUTCHours();
  return `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "am" : "pm"}`;
};
/** 173400 -> "173,400" (Intl is slow on this path). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
const year = (t: number) => new Date(t).getUTCFullYear();

// Body sentences of English articles. Each draws its own wording, so that two articles about the
// same event, and articles about different events, rarely share a sentence. Numbers here are
// never casualty counts: dates, years, times, road numbers, distances, populations, budgets.
type Sentence = (r: Rand, e: EventFacts) => string;
const BODY_EN: Sentence[] = [
  (r, e) => `The ${e.incident.noun} happened near ${e.street}, ${pick(r, ["a short walk from", "across the road from", "next to", "behind"])} ${e.building}.`,
  (r, e) => `Among the dead was ${e.victims[0]}, ${pick(r, ["a teacher", "a shopkeeper", "a nurse", "a student", "a taxi driver", "a retired engineer", "a mother of three"])}, relatives said.`,
  (r, e) => `Relatives of ${e.victims[1]} gathered outside ${e.hospital} ${pick(r, ["waiting for news", "late into the night", "as the names of the injured were read out"])}.`,
  (r, e) => `${capitalise(e.place)}, a town of about ${thousands(e.population)} inhabitants, lies ${e.distanceKm} kilometres ${pick(r, ["north", "south", "east", "west"])} of the regional capital.`,
  (r, e) => `The town was founded in ${e.founded} and is known for ${pick(r, LANDMARKS)}.`,
  (r, e) => `Its economy depends largely on ${pick(r, INDUSTRIES)}, and many young people have left for ${e.town2} in recent years.`,
  (r, e) => `Traffic on Route ${e.road} between ${e.place} and ${e.town2} was diverted ${pick(r, ["for several hours", "until the following morning", "while investigators examined the scene"])}.`,
  (r, e) => `The first emergency calls came in at ${clock(e.at)} on ${dayName(e.at)}, ${dateName(e.at)}, according to the emergency services.`,
  (r, e) => `${capitalise(e.official.role)}, ${e.official.name}, said the government would release ${e.budgetMillions} million dollars for reconstruction and for the families of the victims.`,
  (r, e) => `${e.official.name} ${pick(r, ["visited the site", "cut short a trip abroad", "chaired an emergency meeting", "spoke to reporters"])} on ${dayName(e.at + DAY)} and promised ${pick(r, ["a full inquiry", "swift help for the families", "that those responsible would be found", "new safety rules"])}.`,
  (r, e) => `"We are still counting the victims and the toll may rise," said ${e.speaker.name}, ${e.speaker.role}.`,
  (r, e) => `${e.speaker.name} told reporters that "the priority now is to help the families of those who died."`,
  (r, e) => `"${pick(r, ["I heard a huge noise and then everything went dark", "People were screaming and running in every direction", "We pulled out whoever we could with our bare hands", "The whole street was shaking", "Nobody came to help us for the first hour"])}," ${pick(r, ["said", "recalled", "told local television"])} ${personName(r)}, a resident of ${e.place} who lives ${pick(r, ["nearby", "two streets away", "above a shop on the same street", "on the edge of town"])}.`,
  (r, e) => `According to ${pick(r, AUTHORITIES)}, ${e.missing} people remain missing after the ${e.incident.noun}.`,
  (r) => `${pick(r, ["Emergency crews", "Rescue teams", "Volunteers", "Firefighters"])} worked ${pick(r, ["through the night", "for more than 30 hours", "in heavy rain", "with cranes and sniffer dogs"])} to reach people ${pick(r, ["trapped under debris", "cut off by the water", "still inside the building", "stranded on rooftops"])}.`,
  (r, e) => `Roads into ${e.place} were closed and ${pick(r, ["security forces set up checkpoints", "police turned back journalists", "only ambulances were allowed through"])}.`,
  (r, e) => `Hospitals in ${e.region} appealed for blood donations, and ${e.hospital} ${pick(r, ["cancelled planned operations", "called in off-duty staff", "set up tents in its car park"])}.`,
  (r, e) => `${capitalise(e.official.role)} declared ${pick(r, ["three days", "a day", "a week", "two days"])} of mourning ${pick(r, ["in " + e.region, "across the country", "in " + e.place])}, and ${pick(r, ["flags were lowered on public buildings", "sporting events were called off", "shops in " + e.town2 + " closed early"])}.`,
  (r, e) => `${pick(r, ["International organisations", "Human rights groups", "Opposition lawmakers", "The victims' families", "Lawyers for the families"])} called for an independent investigation into the ${e.incident.noun} in ${e.place}.`,
  (r, e) => `Residents described scenes of panic as the news spread through the neighbourhood around ${e.street}.`,
  (r, e) => `It was the ${pick(r, ["deadliest", "worst", "most serious"])} incident in ${e.region} since ${year(e.at) - 1 - Math.floor(r() * 15)}, according to local media.`,
  (r, e) => `${capitalise(pick(r, AUTHORITIES))} said the search in ${e.place} would continue ${pick(r, ["until every missing person was accounted for", "through the weekend", "as long as there was hope of finding survivors", "despite the rain"])}.`,
  (r, e) =>
    e.incident.cause === "accident"
      ? `Inspectors had flagged safety problems near ${e.street} in ${year(e.at) - 1 - Math.floor(r() * 4)}, ${pick(r, ["a report seen by reporters shows", "local media reported", "according to council documents"])}.`
      : e.incident.cause === "disaster"
        ? `Meteorologists had warned of ${pick(r, ["heavy rain", "unstable slopes", "rising rivers"])} since ${dateName(e.at - int(r, 2, 9) * DAY)}.`
        : `No group immediately claimed responsibility, and ${pick(r, AUTHORITIES)} said an investigation was under way.`,
  (r, e) => `${capitalise(pick(r, COUNTRIES_HELPING))} offered help, and a first convoy of ${int(r, 8, 60)} trucks of supplies left for ${e.place} on ${dayName(e.at + DAY)}.`,
  (r, e) => `The local council had approved a ${e.budgetMillions}-million-dollar plan in ${year(e.at) - int(r, 1, 6)} to ${pick(r, ["rebuild the town centre", "widen Route " + e.road, "replace the old bridge", "modernise the hospital"])}, but work had barely started.`,
  (r, e) => `Schools in ${e.place} and ${e.town2} will remain closed until ${dayName(e.at + int(r, 2, 6) * DAY)}, the education office said.`,
  (r, e) => `Footage from ${e.place} broadcast by ${pick(r, ["state television", "local channels", "news agencies", "residents on social media"])} showed ${pick(r, ["twisted metal", "burnt-out cars", "collapsed walls", "streets covered in mud", "shattered shop windows"])} and ${pick(r, ["people searching the rubble", "ambulances queuing", "residents carrying belongings", "soldiers cordoning off the area"])}.`,
  (r, e) => `The regional authorities opened a hotline for relatives and set up a crisis centre in the ${pick(r, ["sports hall", "town hall", "main school", "cultural centre"])} of ${e.place}.`,
  (r, e) => `${e.place} last made headlines in ${year(e.at) - int(r, 2, 20)}, when ${pick(r, ["a strike closed its port", "it hosted a national football final", "floods cut it off for a week", "its mayor was arrested for corruption"])}.`,
  (r, e) => `Power and water supplies were cut in parts of ${e.place}, and the utility company said repairs could take ${int(r, 2, 14)} days.`,
  (r, e) => `The prosecutor's office in ${e.town2} said it had opened a case and that ${pick(r, ["two suspects", "the owner of the building", "the driver", "several officials"])} had been questioned.`,
  (r, e) => `${e.speaker.name} added: "${pick(r, ["We need more ambulances and more doctors", "The families deserve answers", "This must never happen again", "We will rebuild, but it will take years"])}."`,
  (r, e) => `Weather conditions ${pick(r, ["hampered", "slowed", "complicated"])} the operation, with temperatures of ${int(r, 2, 38)} degrees and ${pick(r, ["strong winds", "steady rain", "thick fog", "dust storms"])} forecast for ${dayName(e.at + DAY)}.`,
  (r, e) => `In a statement issued at ${clock(e.at + int(r, 2, 20) * HOUR)}, the ${pick(r, ["ministry", "governor's office", "police", "army"])} said the situation in ${e.place} was "${pick(r, ["under control", "still very difficult", "being closely monitored", "critical"])}".`,
  (r, e) => `The ${pick(r, ["railway line", "motorway", "main bridge", "airport"])} serving ${e.region} reopened on ${dateName(e.at + int(r, 1, 5) * DAY)} after a ${int(r, 6, 48)}-hour closure.`,
  (r) => `Insurance companies estimated the damage at ${int(r, 2, 250)} million dollars, a figure officials described as preliminary.`,
  (r, e) => `Opposition leader ${personName(r)} accused the authorities of ignoring warnings and demanded that ${e.official.role} resign.`,
  (r, e) => `Funerals for several of the victims were held in ${e.place} on ${dayName(e.at + int(r, 1, 3) * DAY)}, attended by ${pick(r, ["hundreds", "thousands", "crowds"])} of mourners.`,
  (r) => `A spokesman for the ${pick(r, ["World Health Organization", "International Committee of the Red Cross", "UN refugee agency", "European Commission"])} said teams were ready to deploy "within ${int(r, 12, 72)} hours".`,
  (r, e) => `Many of the ${e.group} ${pick(r, ["lived in the area", "had come to the market", "were on their way home", "had taken shelter in the building"])}, ${pick(r, ["witnesses", "neighbours", "residents of " + e.place, "officials in " + e.town2])} said.`,
  (r, e) => `The ${e.incident.noun} is the ${pick(r, ["second", "third", "fourth"])} such incident in ${e.region} since ${MONTHS[int(r, 0, 11)]!} ${year(e.at) - int(r, 0, 1)}.`,
  (r, e) => `Local radio in ${e.town2} broadcast appeals for missing relatives through ${dayName(e.at + DAY)} night.`,
];

// Long articles go on with these once BODY_EN is used up: each draws fresh names, places and
// numbers, so that a 10 KB story is still not a handful of repeated sentences.
const QUOTE_OPENINGS = ["We have lost everything", "My brother was inside", "The army arrived far too late", "Nobody warned us", "We are not leaving", "The children are terrified", "We have been asking for help for years", "I have never seen anything like it", "The hospital ran out of beds", "We just want to know what happened"];
const QUOTE_ENDINGS = ["and nobody is telling us anything", "but we will stay and rebuild", "and the government must answer for it", "so we sleep in the car now", "and the phones are still down", "even though the sirens stopped hours ago", "and we are still waiting for news"];
const LOCAL_ROLES = ["a shopkeeper", "a school teacher", "a farmer", "a nurse", "a retired soldier", "a taxi driver", "a student", "a mechanic", "an imam", "a priest", "a pharmacist", "a bus driver"];
const BUSINESSES = ["bakery", "pharmacy", "car repair shop", "grocery", "tea house", "hardware store", "barber shop", "print shop"];
const UNITS = ["an army engineering unit", "a police rapid-response team", "a civil defence convoy", "a team of forensic experts", "a field hospital", "a group of volunteer doctors", "a mine-clearing team", "a search-and-rescue team with dogs"];
const FACILITIES = ["main hospital", "water treatment plant", "bus station", "central market", "secondary school", "football stadium", "power station", "old bridge"];
const BODY_EN_MORE: Sentence[] = [
  (r, e) => `"${pick(r, QUOTE_OPENINGS)}, ${pick(r, QUOTE_ENDINGS)}," said ${personName(r)}, ${pick(r, LOCAL_ROLES)} in ${e.place}.`,
  (r, e) => `${personName(r)}, who runs a ${pick(r, BUSINESSES)} on ${familyName(r)} ${pick(r, STREET_KINDS)} in ${e.place}, said ${pick(r, ["the windows of the shop were blown out", "she had closed early that day", "customers had fled in panic", "he would reopen as soon as the power came back"])}.`,
  (r, e) => `${capitalise(pick(r, UNITS))} arrived from ${placeName(r)} at ${clock(e.at + int(r, 1, 40) * HOUR)}, ${int(r, 2, 9)} hours after ${pick(r, ["leaving its base", "being called in", "the regional request for help"])}.`,
  (r, e) => `In ${year(e.at) - int(r, 3, 30)}, the ${pick(r, FACILITIES)} of ${e.place} was ${pick(r, ["rebuilt", "expanded", "renovated", "moved to the outskirts"])} at a cost of ${int(r, 2, 80)} million dollars.`,
  (r, e) => `${capitalise(pick(r, ROLES_OFFICIAL))} of ${placeName(r)}, ${personName(r)}, ${pick(r, ["sent condolences", "offered to take in the injured", "dispatched ambulances", "called for calm"])} on ${dayName(e.at + int(r, 0, 2) * DAY)}.`,
  (r, e) => `Residents of ${placeName(r)}, ${int(r, 5, 90)} kilometres from ${e.place}, said they ${pick(r, ["heard the noise", "saw the smoke", "felt the ground shake", "received the first injured"])} ${pick(r, ["that morning", "within minutes", "late that night"])}.`,
  (r, e) => `${personName(r)}, ${pick(r, ["an analyst", "a professor of engineering", "a former minister", "a security expert"])} at ${pick(r, ["the university of", "a think tank in", "a research institute in"])} ${placeName(r)}, said the ${e.incident.noun} ${pick(r, ["exposed long-standing failures", "should have been foreseen", "would weigh on the coming elections", "showed how fragile the region remains"])}.`,
  (r, e) => `Volunteers from ${placeName(r)} collected ${int(r, 2, 40)} tonnes of ${pick(r, ["food", "blankets", "bottled water", "medicine", "clothes"])} for ${e.place} by ${dayName(e.at + int(r, 1, 4) * DAY)}.`,
];

// A few articles are in French or Spanish (outlets of those languages): shorter, but with their
// own lead, quotes and figures, as the pipeline's other languages see them.
const BODY_FR: Sentence[] = [
  (r, e) => `Le drame s'est produit près de la rue ${e.street.split(" ")[0]}, non loin d'une école.`,
  (r, e) => `Parmi les victimes figure ${e.victims[0]}, selon ses proches.`,
  (r, e) => `« Nous comptons encore les victimes et le bilan pourrait s'alourdir », a déclaré ${e.speaker.name}.`,
  (r, e) => `${e.place}, une ville d'environ ${e.population} habitants, se trouve à ${e.distanceKm} kilomètres de la capitale régionale.`,
  (r, e) => `La route ${e.road} entre ${e.place} et ${e.town2} a été fermée pendant plusieurs heures.`,
  (r, e) => `Le gouvernement a débloqué ${e.budgetMillions} millions de dollars pour la reconstruction, a annoncé ${e.official.name}.`,
  (r, e) => `Selon les autorités, ${e.missing} personnes sont toujours portées disparues.`,
  (r, e) => `Les secouristes ont travaillé toute la nuit à ${e.place} pour dégager les décombres.`,
  (r, e) => `Les hôpitaux de la région ont lancé un appel aux dons de sang, et l'hôpital ${e.hospital.split(" ")[0]} a rappelé son personnel.`,
  (r, e) => `La ville avait déjà été touchée en ${year(e.at) - int(r, 2, 15)} par des inondations.`,
];
const BODY_ES: Sentence[] = [
  (r, e) => `La tragedia ocurrió cerca de la calle ${e.street.split(" ")[0]}, junto a una escuela.`,
  (r, e) => `Entre las víctimas se encuentra ${e.victims[0]}, según sus familiares.`,
  (r, e) => `"Todavía estamos contando las víctimas y el balance podría aumentar", declaró ${e.speaker.name}.`,
  (r, e) => `${e.place}, una ciudad de unos ${e.population} habitantes, está a ${e.distanceKm} kilómetros de la capital regional.`,
  (r, e) => `La carretera ${e.road} entre ${e.place} y ${e.town2} permaneció cerrada durante varias horas.`,
  (r, e) => `El gobierno destinará ${e.budgetMillions} millones de dólares a la reconstrucción, anunció ${e.official.name}.`,
  (r, e) => `Según las autoridades, ${e.missing} personas siguen desaparecidas.`,
  (r, e) => `Los equipos de rescate trabajaron toda la noche en ${e.place} para retirar los escombros.`,
  (r, e) => `Los hospitales de la región pidieron donaciones de sangre, y el hospital ${e.hospital.split(" ")[0]} llamó a su personal.`,
  (r, e) => `La ciudad ya había sufrido inundaciones en ${year(e.at) - int(r, 2, 15)}.`,
];

function leadEn(r: Rand, e: EventFacts, authority: string): string {
  const killed = figure(r, e.killed);
  const when = r() < 0.5 ? `on ${dayName(e.at)}` : `on ${dayName(e.at)}, ${dateName(e.at)}`;
  return `${capitalise(killed)} ${e.group} were killed${e.wounded ? ` and ${figure(r, e.wounded)} were wounded` : ""} when ${e.incident.subject} ${e.incident.verb} ${e.place} in ${e.region} ${when}, ${authority} said.`;
}

function titleEn(r: Rand, e: EventFacts): string {
  switch (Math.floor(r() * 5)) {
    case 0:
      return `${e.killed} killed in ${e.incident.noun} in ${e.place}`;
    case 1:
      return `${capitalise(e.incident.noun)} in ${e.place} kills ${e.killed}`;
    case 2:
      return `Death toll from ${e.place} ${e.incident.noun} rises to ${e.killed}`;
    case 3:
      return `${e.place}: ${e.killed} dead, ${e.wounded} hurt after ${e.incident.noun}`;
    default:
      return `${capitalise(e.group)} among ${e.killed} dead in ${e.place} ${e.incident.noun}`;
  }
}

/** Target body length in bytes: log-normal, median ~2 KB, p90 ~5 KB, within 600 B – 12 KB. */
function targetLength(r: Rand): number {
  // Box–Muller; 1 - r() is in (0, 1], so the logarithm is finite.
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.min(12_000, Math.max(600, Math.round(2000 * Math.exp(0.715 * z))));
}

/**
 * Sentences of `pool` drawn without repetition until `target` characters, then (if `more`)
 * sentences of `more`, which draw fresh names each time; paragraphs of 1–3 sentences.
 */
function body(r: Rand, e: EventFacts, pool: readonly Sentence[], more: readonly Sentence[], head: string, target: number): string {
  const order = pool.map((_, i) => i);
  const paragraphs = [head];
  let length = head.length;
  let paragraph: string[] = [];
  let perParagraph = int(r, 1, 3);
  for (let i = 0; length < target && (i < order.length || more.length); i++) {
    let sentence: string;
    if (i < order.length) {
      const j = i + Math.floor(r() * (order.length - i)); // Fisher–Yates, step by step
      [order[i], order[j]] = [order[j]!, order[i]!];
      sentence = pool[order[i]!]!(r, e);
    } else {
      sentence = pick(r, more)(r, e);
    }
    paragraph.push(sentence);
    length += sentence.length + 1;
    if (paragraph.length >= perParagraph) {
      paragraphs.push(paragraph.join(" "));
      paragraph = [];
      perParagraph = int(r, 1, 3);
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(" "));
  return paragraphs.join("\n\n");
}

interface Outlet {
  name: string;
  domain: string;
  language: "en" | "fr" | "es";
}

function writeArticle(r: Rand, e: EventFacts, outlet: Outlet, k: number, at: number): NormalizedArticle {
  if (r() < 0.3) e.killed += Math.floor(r() * 5); // counts rise as reports come in
  let title: string;
  let text: string;
  if (outlet.language === "fr") {
    const fig = r() < 0.5 ? `Au moins ${e.killed}` : `Plus de ${e.killed}`;
    title = `${e.place} : au moins ${e.killed} morts`;
    const lead = `${fig} personnes ont été tuées${e.wounded ? ` et ${e.wounded} autres blessées` : ""} ${WEEKDAYS_FR[new Date(e.at).getUTCDay()]} à ${e.place}, selon les autorités locales.`;
    text = body(r, e, BODY_FR, [], lead, targetLength(r));
  } else if (outlet.language === "es") {
    const fig = r() < 0.5 ? `Al menos ${e.killed}` : `Más de ${e.killed}`;
    title = `${e.place}: al menos ${e.killed} muertos`;
    const lead = `${fig} personas murieron${e.wounded ? ` y ${e.wounded} resultaron heridas` : ""} el ${WEEKDAYS_ES[new Date(e.at).getUTCDay()]} en ${e.place}, informaron las autoridades locales.`;
    text = body(r, e, BODY_ES, [], lead, targetLength(r));
  } else {
    title = `${titleEn(r, e)} - ${outlet.name}`;
    text = body(r, e, BODY_EN, BODY_EN_MORE, leadEn(r, e, pick(r, AUTHORITIES)), targetLength(r));
  }
  return {
    url: `https://${outlet.domain}/${new Date(e.at).toISOString().slice(0, 10).replace(/-/g, "/")}/${e.place.toLowerCase()}-${e.incident.noun.replace(/ /g, "-")}-${e.no}-${k}`,
    canonicalUrl: null,
    title,
    text,
    publishedAt: new Date(at).toISOString(),
    author: null,
    language: outlet.language,
    outlet: { name: outlet.name, domain: outlet.domain },
    originalSource: null,
    tags: [],
    externalId: null,
  };
}
const WEEKDAYS_FR = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const WEEKDAYS_ES = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];

/** An event's size: a heavy tail, most events small, a few of up to MAX_EVENT_SIZE articles. */
const drawSize = (u: number) => Math.min(MAX_EVENT_SIZE, Math.max(1, Math.floor(1 / Math.pow(u + 0.005, 1.1))));

/** The mean of `drawSize` over u in [0, 1), numerically: paces event starts to ARTICLES_PER_DAY. */
const MEAN_EVENT_SIZE = (() => {
  const steps = 100_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += drawSize((i + 0.5) / steps);
  return sum / steps;
})();

/** An event being reported: its facts and the publication times of its articles, the next one to write. */
interface LiveEvent {
  facts: EventFacts;
  times: number[];
  next: number;
}

/** A pending article: the next one of an event, or a wire copy already written. */
interface Pending {
  at: number;
  seq: number;
  event: LiveEvent;
  copy: NormalizedArticle | null;
}

/** A binary min-heap of pending articles by (time, sequence): deterministic on ties. */
class PendingHeap {
  private items: Pending[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Pending | undefined {
    return this.items[0];
  }
  private less(a: Pending, b: Pending): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  push(p: Pending): void {
    const xs = this.items;
    xs.push(p);
    let i = xs.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(xs[i]!, xs[parent]!)) break;
      [xs[i], xs[parent]] = [xs[parent]!, xs[i]!];
      i = parent;
    }
  }
  pop(): Pending | undefined {
    const xs = this.items;
    const top = xs[0];
    const last = xs.pop();
    if (xs.length && last) {
      xs[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const rt = l + 1;
        let m = i;
        if (l < xs.length && this.less(xs[l]!, xs[m]!)) m = l;
        if (rt < xs.length && this.less(xs[rt]!, xs[m]!)) m = rt;
        if (m === i) break;
        [xs[i], xs[m]] = [xs[m]!, xs[i]!];
        i = m;
      }
    }
    return top;
  }
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
  outlets?: number;
}

/**
 * Generate `articles` articles in publication order. Event sizes follow a heavy tail (most
 * events small, a few up to 200 articles); ~8% of articles are verbatim wire copies republished
 * by another outlet hours later. The timeline spans max(3 years, articles / ARTICLES_PER_DAY
 * days); events start at random (exponential) intervals and are reported over hours to days,
 * front-loaded. Memory is bounded by the events being reported at one time.
 */
export function* generateCorpus(opts: CorpusOptions): Generator<NormalizedArticle> {
  const r = rng(opts.seed ?? 42);
  const total = Math.max(0, Math.floor(opts.articles));
  const outletCount = opts.outlets ?? Math.max(500, Math.min(2000, Math.floor(total / 200)));
  const outlets: Outlet[] = Array.from({ length: outletCount }, (_, i) => {
    const roll = r();
    return {
      name: `Outlet ${i + 1} ${pick(r, OUTLET_KINDS)}`,
      domain: `outlet${i + 1}.example`,
      language: roll < 0.03 ? "fr" : roll < 0.05 ? "es" : "en",
    };
  });
  const spanDays = Math.max(3 * 365, Math.ceil(total / ARTICLES_PER_DAY));
  const meanGap = (MEAN_EVENT_SIZE * spanDays * DAY) / Math.max(1, total);
  let nextStart = Date.UTC(2015, 0, 1);
  let planned = 0;
  let eventNo = 0;
  let seq = 0;
  const heap = new PendingHeap();

  const startEvent = () => {
    eventNo++;
    const size = Math.min(drawSize(r()), total - planned);
    planned += size;
    const facts = newEvent(r, eventNo, nextStart);
    // Reported over a few hours (small events) to about two weeks (the largest), front-loaded.
    const duration = 6 * HOUR + size * (0.5 + r()) * HOUR;
    const times = Array.from({ length: size }, () => nextStart + 20 * 60_000 + Math.floor(duration * r() ** 2 / 1000) * 1000).sort((a, b) => a - b);
    const event: LiveEvent = { facts, times, next: 0 };
    heap.push({ at: times[0]!, seq: seq++, event, copy: null });
    nextStart += Math.floor((-Math.log(1 - r()) * meanGap) / 1000) * 1000;
  };

  while (planned < total || heap.size > 0) {
    const head = heap.peek();
    if (planned < total && (!head || head.at > nextStart)) {
      startEvent();
      continue;
    }
    const p = heap.pop()!;
    if (p.copy) {
      yield p.copy;
      continue;
    }
    const ev = p.event;
    const k = ev.next++;
    const outlet = pick(r, outlets);
    const article = writeArticle(r, ev.facts, outlet, k, p.at);
    yield article;
    // A wire copy: same text, another outlet, hours later. It takes the event's last slot.
    if (ev.times.length - ev.next >= 1 && r() < 0.1) {
      ev.times.pop();
      const copyOutlet = pick(r, outlets);
      const at = p.at + HOUR + Math.floor((r() * 5 * HOUR) / 1000) * 1000;
      heap.push({
        at,
        seq: seq++,
        event: ev,
        copy: { ...article, url: `https://${copyOutlet.domain}/wire/${ev.facts.no}-${k}`, outlet: { name: copyOutlet.name, domain: copyOutlet.domain }, publishedAt: new Date(at).toISOString() },
      });
    }
    if (ev.next < ev.times.length) heap.push({ at: ev.times[ev.next]!, seq: seq++, event: ev, copy: null });
  }
}

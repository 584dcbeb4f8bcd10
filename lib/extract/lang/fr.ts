import type { CasualtyKind } from "../types";
import type { PatternPack, PredicateSpec, QualKind, VagueAmount } from "./types";
import { B, E, participle as pp, table, withPlurals, words } from "./words";

/**
 * French: number words, casualty terms, qualifiers, attribution cues and quotation marks for the
 * pattern engine (`lib/extract/pattern`). Written for news French ("au moins 62 soldats ont été
 * tués", "une centaine de blessés", « … », a déclaré X) and tested on the original fixtures in
 * `fixtures/fr/`.
 */

const VALUES: Record<string, number> = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60, quatrevingt: 80,
  // Belgian and Swiss French
  septante: 70, octante: 80, huitante: 80, nonante: 90,
};
const SCALES: Record<string, number> = { cent: 100, cents: 100, mille: 1000, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 };

/** "soixante-deux" → [soixante, deux]; "quatre-vingt-dix" → [quatrevingt, dix]; "vingt-et-un" (1990 spelling) → [vingt, un]. */
function morphemes(lower: string): string[] | null {
  const w = lower.replace(/quatre[-‐]vingts?/g, "quatrevingt");
  if (w in VALUES || w in SCALES) return [w];
  if (!/[-‐]/.test(w)) return null;
  const parts = w.split(/[-‐]/).filter((p) => p !== "et");
  return parts.length > 1 && parts.every((p) => p in VALUES || p in SCALES) ? parts : null;
}

const about = (n: number): VagueAmount => ({ min: n, max: n, qualifier: "about" });
const atLeast = (n: number): VagueAmount => ({ min: n, max: null, qualifier: "vague" });

/**
 * Vague amounts keep the lower bound the words guarantee: "des dizaines" is at least two tens
 * (20; English "dozens" is 24, two dozen), "des centaines" 200, "plusieurs" 2 (French
 * "plusieurs" is "more than one"). "Une centaine" and the other -aine nouns are approximate
 * numbers ("about 100").
 */
const VAGUE: Array<[string, VagueAmount]> = [
  ["des|plusieurs|quelques dizaines de milliers", atLeast(20000)],
  ["des|plusieurs|quelques centaines de milliers", atLeast(200000)],
  ["des dizaines|douzaines", atLeast(20)],
  ["des centaines", atLeast(200)],
  ["des milliers", atLeast(2000)],
  ["des millions", atLeast(2e6)],
  ["plusieurs|quelques dizaines|douzaines", atLeast(20)],
  ["plusieurs|quelques centaines", atLeast(200)],
  ["plusieurs|quelques milliers", atLeast(2000)],
  ["une dizaine", about(10)],
  ["une douzaine", about(12)],
  ["une quinzaine", about(15)],
  ["une vingtaine", about(20)],
  ["une trentaine", about(30)],
  ["une quarantaine", about(40)],
  ["une cinquantaine", about(50)],
  ["une soixantaine", about(60)],
  ["une centaine", about(100)],
  ["deux|trois|quelques centaines", atLeast(200)],
  ["un millier", about(1000)],
  ["une poignée", { min: 3, max: 6, qualifier: "vague" }],
  ["de nombreux|nombreuses", atLeast(3)],
  ["plusieurs", atLeast(2)],
  ["quelques", atLeast(2)],
];

const QUALIFIERS: Array<[string, QualKind]> = [
  ["pas moins de|d'", "at_least"],
  ["un minimum de|d'", "at_least"],
  ["un peu plus de|d'", "more_than"],
  ["bien plus de|d'", "more_than"],
  ["pas plus de|d'", "at_most"],
  ["un peu moins de|d'", "less_than"],
  ["aux alentours de|d'", "about"],
  ["au moins", "at_least"],
  ["au minimum", "at_least"],
  ["plus de|d'", "more_than"],
  ["au-delà de|d'", "more_than"],
  ["au maximum", "at_most"],
  ["au plus", "at_most"],
  ["jusqu' à", "at_most"],
  ["près de|d'", "at_most"],
  ["moins de|d'", "less_than"],
  ["autour de|d'", "about"],
  ["presque", "at_most"],
  ["quasiment", "at_most"],
  ["environ", "about"],
  ["quelque", "about"],
  ["approximativement", "about"],
  ["grosso modo", "about"],
];

const POST_QUALIFIERS: Array<[string, QualKind]> = [
  ["au moins", "at_least"],
  ["au minimum", "at_least"],
  ["au maximum", "at_most"],
  ["au plus", "at_most"],
  ["environ", "about"],
];

const K = (kind: CasualtyKind, transitive = false): PredicateSpec => ({ kind, transitive });
const HOMES = "foyers|foyer|maisons|maison|domiciles|domicile|logements|logement|villages|village|quartiers|quartier|villes|ville|pays|terres|région";

/** Predicates after the subject and its auxiliaries ("ont été tués", "sont morts", "ont perdu la vie"). */
const PREDICATES: Array<[string, PredicateSpec]> = [
  [`${pp("retrouvé")} ${pp("mort")}`, K("killed")],
  [`${pp("retrouvé")} sans vie`, K("killed")],
  ["trouvé la mort", K("killed")],
  ["perdu la vie", K("killed")],
  [`${pp("tombé")} au combat`, K("killed")],
  [`mortellement ${pp("blessé")}|${pp("touché")}|${pp("atteint")}`, K("killed", true)],
  [`${pp("tué")}|${pp("abattu")}|${pp("assassiné")}|${pp("exécuté")}|${pp("massacré")}|${pp("fauché")}|${pp("égorgé")}|${pp("lynché")}`, K("killed", true)],
  [`${pp("mort")}|${pp("décédé")}|péri|périssent|meurent|meurt|succombé|succombent|succombe|décèdent|décède`, K("killed")],
  [`grièvement|gravement|légèrement|sérieusement|superficiellement ${pp("blessé")}`, K("wounded", true)],
  [`${pp("blessé")}|${pp("hospitalisé")}|${pp("poignardé")}`, K("wounded", true)],
  [`${pp("porté")} ${pp("disparu")}`, K("missing")],
  [`${pp("disparu")}|introuvables|introuvable`, K("missing")],
  [`${pp("pris")}|prise|prises en otage|otages`, K("captured", true)],
  [`${pp("retenu")}|${pp("détenu")} en otage|otages`, K("captured", true)],
  [`faits|fait|faites ${pp("prisonnier", ["", "s"])}|prisonnière|prisonnières`, K("captured", true)],
  [`${pp("enlevé")}|${pp("kidnappé")}|${pp("capturé")}|${pp("séquestré")}`, K("captured", true)],
  [`fui|fuient|fuyaient|fuyant|fuir leurs|leur|son|sa|ses ${HOMES}`, K("displaced")],
  [`${pp("contraint")}|${pp("forcé")}|${pp("obligé")} de|à fuir|quitter`, K("displaced")],
  [`${pp("chassé")} de|des leurs|leur|son|sa|ses ${HOMES}`, K("displaced", true)],
  [`${pp("jeté")} sur les routes`, K("displaced", true)],
  [`${pp("déplacé")}`, K("displaced", true)],
];

const ACTIVE_AUX = "a|ont|avait|avaient|aurait|auraient|aura|auront|ayant";
/** Verbs before their victims: "tuant au moins 62 soldats", "a blessé une centaine de personnes". */
const ACTIVE: Array<[string, CasualtyKind]> = [
  ["coûté|coûtant|coûte|coûter la vie à|aux", "killed"],
  [`${ACTIVE_AUX} * tué|abattu|assassiné|massacré|exécuté|fauché`, "killed"],
  [`${ACTIVE_AUX} tué|abattu|assassiné|massacré|exécuté|fauché`, "killed"],
  ["tuant|tue|tuent|tuer|abattant|massacrant|fauchant|exécutant", "killed"],
  [`${ACTIVE_AUX} * blessé`, "wounded"],
  [`${ACTIVE_AUX} blessé`, "wounded"],
  ["blessant|blesse|blessent", "wounded"],
  [`${ACTIVE_AUX} pris en otage`, "captured"],
  [`${ACTIVE_AUX} enlevé|kidnappé|capturé`, "captured"],
  ["enlevant|kidnappant|capturant", "captured"],
  ["prenant en otage", "captured"],
  [`${ACTIVE_AUX} déplacé|chassé`, "displaced"],
  ["déplaçant|chassant", "displaced"],
];

const PERSON = withPlurals(
  "homme femme enfant fille garçon bébé nourrisson adolescent adolescente jeune personne civil civile soldat militaire " +
    "policier policière gendarme agent combattant combattante rebelle insurgé djihadiste jihadiste militant militante " +
    "habitant habitante résident résidente villageois:- passant passante piéton conducteur conductrice chauffeur " +
    "passager passagère élève étudiant étudiante journaliste photographe médecin infirmier infirmière secouriste pompier " +
    "humanitaire travailleur travailleuse ouvrier ouvrière employé employée réfugié réfugiée touriste fidèle manifestant " +
    "manifestante membre victime suspect assaillant otage prisonnier détenu agriculteur pêcheur mineur père mère fils:- " +
    "frère sœur mari épouse député maire officier sergent capitaine colonel général:- commandant recrue volontaire " +
    "milicien marin pilote bénévole commerçant famille écolier écolière retraité retraitée riverain riveraine vieillard " +
    "casque gardien garde sauveteur ambulancier chrétien musulman",
);
PERSON.add("généraux").add("gens").add("individus").add("individu");

const PASSIVE_AUX = words("été est sont était étaient sera seront serait seraient soit soient fut furent être");
const ACTIVE_AUX_SET = words("a ont avait avaient aura auront aurait auraient avoir eu ait aient ayant");
const AUX_SKIP = words(
  "qui y également aussi tous toutes tout probablement vraisemblablement déjà ensuite finalement respectivement " +
    "notamment officiellement apparemment alors encore visiblement immédiatement récemment hier depuis dû dus due dues " +
    "restent reste restaient restait demeurent demeure toujours",
);

/** The French pack. */
export const fr: PatternPack = {
  engine: "pattern",
  code: "fr",
  name: "French",
  abbreviations: words(
    "m mm mme mmes mlle mlles dr pr me st ste av bd boul etc env cf p pp vol chap art al janv févr fév avr juil sept oct nov déc " +
      "gén col lt sgt cdt cne adj dép fig ex hab n° no tél",
  ),
  elisions: words("l d n qu s j c m t jusqu lorsqu puisqu quoiqu presqu quelqu"),
  decimalComma: true,
  numbers: {
    morphemes,
    values: VALUES,
    scales: SCALES,
    connectors: words("et"),
    articles: words("un une"),
    zero: words("aucun aucune zéro"),
  },
  vague: table(VAGUE),
  qualifiers: table(QUALIFIERS),
  postQualifiers: table(POST_QUALIFIERS),
  range: {
    separators: words("à - – ou"),
    between: words("entre"),
    betweenSeparators: words("et"),
    from: words("de d'"),
    fromSeparators: words("à"),
  },
  changeWords: words("passé passe grimpé monté augmenté alourdi élevé revu porté relevé"),
  of: words("de d'"),
  casualtyNouns: {
    morts: "killed", mort: "killed", tués: "killed", tuées: "killed", tué: "killed", décès: "killed", victimes: "killed",
    victime: "killed", blessés: "wounded", blessées: "wounded", blessé: "wounded", blessée: "wounded",
    disparus: "missing", disparues: "missing", disparu: "missing", otages: "captured", otage: "captured",
    captifs: "captured", déplacés: "displaced", déplacées: "displaced", réfugiés: "displaced", "sans-abri": "displaced",
  },
  predicates: table(PREDICATES),
  activeVerbs: table(ACTIVE),
  determinersBeforeNumber: words("les ses leurs ces"),
  aux: {
    passive: PASSIVE_AUX,
    active: ACTIVE_AUX_SET,
    singular: words("a est était avait aurait serait sera aura fut ait soit"),
    skip: AUX_SKIP,
    negators: words("ne n' pas jamais aucunement nullement"),
    modal: words("failli pu pourraient pourrait peuvent peut risquent risque risqué manqué menacé menacés"),
  },
  personNouns: PERSON,
  personPronouns: words("il elle"),
  singularDeterminers: words("le la l' ce cet cette son sa leur notre"),
  npStop: new Set([
    ...PASSIVE_AUX, ...ACTIVE_AUX_SET, ...AUX_SKIP,
    ...words(
      "qui que qu' dont où et ou mais ni car ne n' se s' y en dans à au aux par pour sur sous avec sans lors selon après " +
        "avant pendant depuis près vers contre entre chez parmi jusqu' ce cette ces il elle ils elles on le la les l' un une " +
        "samedi dimanche lundi mardi mercredi jeudi vendredi hier",
    ),
  ]),
  npLinks: words("de du des d'"),
  otherWords: words("autres autre"),
  nonPersonNouns: withPlurals(
    "véhicule maison bâtiment immeuble avion appareil char camion frappe raid obus roquette missile bombe balle tir coup " +
      "jour heure minute semaine mois:- an année kilomètre km:- mètre fois:- euro dollar tonne pays:- ville village " +
      "localité quartier position site hôpital:- hôpitaux école attaque attentat incident drone hélicoptère blindé voiture bus:- " +
      "camp tente abri cas:- pour-cent point",
  ),
  unitsAfter: words(
    "ans an années année mois jours jour semaines semaine heures heure h minutes min secondes km kilomètres kilomètre " +
      "mètres mètre m % pour pourcent euros € dollars $ tonnes kg fois e er ère ème degrés ° mm " +
      "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  ),
  nonCountBefore: words("âgé âgée âgés âgées numéro n° no route article résolution chapitre page vol l'an ligne"),
  toll: {
    heads: table<true>([["bilan", true], ["nombre de|des morts|victimes|tués|décès", true]]).map(([p]) => p),
    filler: words(
      "s' élève élevait est était a à de d' passé passe grimpé grimpe atteint atteignait alourdi provisoire officiel humain " +
        "total dernier désormais maintenant ainsi encore monte monté fait état porté revu hausse en la au s'est établi établit " +
        "fait s'établit officiellement",
    ),
  },
  negations: [
    [new RegExp(`${B}(?:pas|sans(?:\\s+faire)?)\\s+de\\s+(victimes?|morts?|blessés?|tués?|décès)${E}`, "giu"), "killed"],
    [new RegExp(`${B}personne\\s+n['’](?:a|aurait|avait)\\s+été\\s+(tué|blessé|touché)e?s?${E}`, "giu"), "killed"],
    [new RegExp(`${B}personne\\s+n['’](?:est|a)\\s+(mort|décédé)e?s?${E}`, "giu"), "killed"],
    [new RegExp(`${B}(?:indemnes?|sains?\\s+et\\s+saufs?|saines?\\s+et\\s+sauves?)${E}`, "giu"), "wounded"],
  ],
  context: new RegExp(
    `${B}(?:(?<!(?:meurtri|sanglant|grave|lourd|importante?)(?:er|ère|e|s|es)?\\s)depuis\\s+(?:le\\s+début|l['’]an|le\\s+mois|la\\s+fin|des\\s+années|plusieurs|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|19\\d\\d|20\\d\\d)` +
      `|au\\s+total|en\\s+tout|au\\s+cours\\s+des\\s+(?:\\p{L}+\\s+)?(?:dernières|derniers)|ces\\s+(?:dernières|derniers)\\s+(?:années|mois|semaines)` +
      `|cette\\s+année|le\\s+mois\\s+(?:dernier|passé)|l['’]an\\s+(?:dernier|passé)|l['’]année\\s+(?:dernière|passée)|chaque\\s+année|par\\s+an|en\\s+un\\s+an` +
      `|(?:la|cette)\\s+guerre\\s+(?:a|avait)|(?:le|ce)\\s+conflit\\s+(?:a|avait)` +
      `|(?:une?|l['’])\\s*(?:autre|précédente?|précédent|ancienne?)\\s+(?:attaque|frappe|attentat|incident|bombardement|fusillade|explosion)` +
      `|(?:attaque|frappe|attentat|incident|bombardement|fusillade|explosion)\\s+(?:précédente?|distincte?|similaire)` +
      `|lors\\s+d['’](?:une?\\s+)?(?:précédente?|autre)|à\\s+l['’]échelle\\s+(?:du\\s+pays|nationale))${E}`,
    "iu",
  ),
  pastYear: new RegExp(`${B}en\\s+(?:(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\\s+)?((?:19|20)\\d\\d)${E}`, "giu"),
  genericGroups: /^(?:personnes|gens|individus|victimes|au total|en tout)$/i,
  candidate:
    /tu[éeè]|tuant|tuer|mort|poignard|décè|décéd|péri|victime|bless|hospitalis|disparu|introuvable|otage|enlev|kidnapp|captur|prisonni|séquestr|déplac|réfugi|fui|fuy|sans-abri|chass|bilan|abatt|assassin|exécut|massacr|fauch|égorg|lynch|indemne|sains? et sau|succomb|la vie|aucun|personne n/i,
  quotes: { pairs: [["«", "»"], ["“", "”"], ["‹", "›"]] },
  speech: {
    verbs: words(
      "déclaré déclare déclarent déclarait affirmé affirme affirment affirmait indiqué indique indiquent indiquait dit disent " +
        "disait ajouté ajoute ajoutent ajoutait précisé précise précisent précisait expliqué explique expliquent expliquait " +
        "souligné souligne soulignent estimé estime estiment estimait assuré assure assurent assurait annoncé annonce annoncent " +
        "confirmé confirme confirment reconnu reconnaît reconnaissent démenti dément nié nie raconté raconte racontent confié " +
        "confie rapporté rapporte rapportent lancé lance martelé martèle insisté insiste prévenu prévient averti avertit " +
        "dénoncé dénonce regretté regrette déploré déplore jugé juge accusé accuse promis promet écrit écrivait répondu répond " +
        "poursuivi poursuit commenté commente observé observe noté note signalé signale rappelé rappelle avancé avance " +
        "tweeté témoigné témoigne soutenu soutient relevé relève lâché lâche résumé résume admis admet concédé concède " +
        "prévenu mis garde assène asséné fustigé fustige condamné condamne démentait",
    ),
    aux: words("a ont avait avaient aurait auraient aura"),
    according: table<true>([["selon", true], ["d' après", true], ["aux dires de|du|des|d'", true]]).map(([p]) => p),
    complementizers: words("que qu'"),
    participles: words(
      "précisant ajoutant soulignant affirmant expliquant indiquant estimant assurant déclarant rappelant insistant " +
        "dénonçant accusant annonçant reconnaissant jugeant promettant",
    ),
    pronouns: words("il elle ils elles on"),
    inversion: /^(.+?)-(?:t-)?(il|elle|ils|elles|on)$/,
    timeWords: words("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui soir matin midi dernier encore également aussi"),
    determiners: words("le la les l' un une des ce cet cette son sa ses leur leurs"),
    speakerStops: words(
      "dans lors à au aux devant en sur pendant après avant depuis par pour avec sans qui que qu' dont où selon et " +
        "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain ce cette ces mais car ni puis",
    ),
    speakerNouns: withPlurals(
      "porte-parole:- ministre ministère gouvernement armée police responsable source témoin habitant président présidente " +
        "premier chef commandant général:- officier diplomate ambassadeur ambassadrice représentant représentante envoyé envoyée " +
        "observatoire ong:- organisation agence communiqué rapport état-major coalition secrétaire directeur directrice médecin " +
        "maire préfet procureur avocat avocate expert analyste militant activiste conseil comité commission autorité secouriste " +
        "pompier militaire soldat rebelle enquêteur enquêtrice gouverneur député sénateur opposition régime pentagone kremlin " +
        "onu:- otan:- croissant-rouge:- hôpital:- hôpitaux syndicat association parti famille proche voisin survivant " +
        "préfecture mairie gendarmerie municipalité présidence ambassade parquet tribunal service croix-rouge:- secours:- " +
        "sapeurs-pompiers:- justice défense garde-côtes:- douane élysée:- ministre",
    ),
    speakerSuffix: /(?:eur|euse|rice|iste|ien|ienne|ant|ante|aire|ure)s?$/,
    roleNouns: words(
      "porte-parole ministre président présidente chef directeur directrice responsable représentant représentante membre " +
        "secrétaire commandant ambassadeur ambassadrice envoyé envoyée conseiller conseillère dirigeant dirigeante député " +
        "maire général officier diplomate haut fondateur fondatrice coordinateur coordinatrice colonel lieutenant capitaine " +
        "sergent major commissaire docteur professeur maître monsieur madame sénateur sénatrice gouverneur préfet procureur",
    ),
    outletHeads: words(
      "agence journal quotidien hebdomadaire chaîne radio télévision magazine site afp reuters ap bbc cnn rfi tass ria " +
        "anadolu sana xinhua aljazeera al-jazeera france24 lci bfmtv tf1 franceinfo",
    ),
    channelCues: table<true>([
      ["cité|citée|cités|citées par", true],
      ["interrogé|interrogée|interrogés|interrogées par", true],
      ["dans un|une entretien|entrevue|interview à|au|avec", true],
      ["à l'", true],
      ["au", true],
      ["à", true],
    ]).map(([p]) => p),
  },
};

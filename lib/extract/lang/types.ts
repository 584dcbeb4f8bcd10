import type { Pattern } from "../lexicon";
import type { CasualtyKind, Qualifier } from "../types";

/**
 * A language Parallax extracts from. Two engines exist:
 *
 * - `tagged` (English only): the wink-nlp part-of-speech engine in `lib/extract/*.ts`, with its
 *   word lists in `lexicon.ts` and `numbers.ts`, tuned on the English development sets.
 * - `pattern` (every other language): the shared engine in `lib/extract/pattern/`, driven entirely
 *   by one `PatternPack` module of word lists and patterns (`lang/fr.ts`, `lang/es.ts`, ...). It
 *   needs no tagger model: adding a language is writing one such module, registering it in
 *   `lang/index.ts` and adding fixtures.
 */
export type LanguagePack = TaggedPack | PatternPack;

export interface TaggedPack {
  engine: "tagged";
  /** ISO 639-1 code. */
  code: string;
  name: string;
}

/** How a qualifier bounds the number after it (see `pattern/numbers.ts#bound`). */
export type QualKind = "at_least" | "more_than" | "at_most" | "less_than" | "about";

/** A vague or approximate amount ("des dizaines", "une centaine") and the bounds it implies. */
export interface VagueAmount {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

/** A predicate that says what happened to its subject ("ont été tués", "sont morts"). */
export interface PredicateSpec {
  kind: CasualtyKind;
  /**
   * A transitive participle ("tués", "blessés"): with an active auxiliary and no passive one
   * ("ont tué", "a blessé") the subject is the agent, not the victims.
   */
  transitive: boolean;
}

export interface NumberWords {
  /**
   * The number morphemes a lower-cased token is made of, in the order they add up
   * ("soixante-deux" → ["soixante", "deux"], German "zweiundsechzig" → ["sechzig", "zwei"]),
   * or null when the token is not (only) a number word.
   */
  morphemes(lower: string): string[] | null;
  /** Values of morphemes below 1000 that add up ("deux", "vingt", "cent" is a scale). */
  values: Readonly<Record<string, number>>;
  /** Multipliers: "cent(s)" 100, "mille" 1000, "million(s)" 1e6. */
  scales: Readonly<Record<string, number>>;
  /** Words joining two number words: "vingt et un", "treinta y dos". */
  connectors: ReadonlySet<string>;
  /** Words that are 1 only as numbers and otherwise articles: "un", "une". Need a person noun after them. */
  articles: ReadonlySet<string>;
  /** Words that mean zero victims: "aucun", "aucune", "zéro". */
  zero: ReadonlySet<string>;
}

/**
 * One language for the pattern engine: its number words, casualty terms, qualifiers,
 * attribution cues, quotation marks and sentence abbreviations. Patterns are token sequences
 * ("a|b" alternatives, "*" any token) matched against lower-cased tokens, where an elided word
 * keeps its apostrophe as one token ("l'", "d'", "jusqu'") and hyphenated words are one token.
 */
export interface PatternPack {
  engine: "pattern";
  code: string;
  name: string;

  // --- tokens and sentences
  /** Words that end with a period without ending the sentence ("mme", "av", "etc"). Lower case, no dot. */
  abbreviations: ReadonlySet<string>;
  /** Elided words written with an apostrophe before the next word ("l", "d", "qu", "jusqu"). */
  elisions: ReadonlySet<string>;
  /** Digits: "," is the decimal mark and "." / spaces group thousands ("300 000", "1.200", "2,5"). */
  decimalComma: boolean;

  // --- numbers
  numbers: NumberWords;
  /** Vague and approximate amounts, longest first; matched at the number's position. */
  vague: Array<[Pattern, VagueAmount]>;
  /** Qualifiers before the number, longest first ("au moins", "plus de", "près de"). */
  qualifiers: Array<[Pattern, QualKind]>;
  /** Qualifiers after the number or its casualty noun ("62 morts au moins", "300 environ"). */
  postQualifiers: Array<[Pattern, QualKind]>;
  /** Ranges: "83 à 90", "entre 83 et 90", "de 83 à 90". */
  range: {
    /** Between two numbers: "à", "-", "ou". */
    separators: ReadonlySet<string>;
    /** "entre" ... "et". */
    between: ReadonlySet<string>;
    betweenSeparators: ReadonlySet<string>;
    /** "de" ... "à". */
    from: ReadonlySet<string>;
    fromSeparators: ReadonlySet<string>;
  };
  /** A change, not a range, when these come before "de X à Y": "le bilan est passé de 62 à 83". */
  changeWords: ReadonlySet<string>;
  /** Words between an amount and its noun: "une centaine de blessés". */
  of: ReadonlySet<string>;

  /** Words after which a number's period is an ordinal, not a sentence end (German "am 17. September"). */
  afterOrdinal?: RegExp;
  // --- casualties
  /** Nouns that are the casualties themselves: "morts", "blessés", "otages". */
  casualtyNouns: Readonly<Record<string, CasualtyKind>>;
  /** Predicates after the subject (and its auxiliaries), longest first. */
  predicates: Array<[Pattern, PredicateSpec]>;
  /** Verbs before their victims ("tuant 62 soldats", "a blessé 100 personnes"), longest first; they end right before the number. */
  activeVerbs: Array<[Pattern, CasualtyKind]>;
  /** Determiners allowed between an active verb and its number ("a tué les 62 passagers"). */
  determinersBeforeNumber: ReadonlySet<string>;
  aux: {
    /** Passive auxiliaries ("été", "sont", "est"): a transitive participle after them is passive. */
    passive: ReadonlySet<string>;
    /** Active auxiliaries ("a", "ont"): a transitive participle after them alone is active. */
    active: ReadonlySet<string>;
    /** Singular finite forms: a figure above one with these is not the subject. */
    singular: ReadonlySet<string>;
    /** Words skipped between subject and predicate: relative pronouns, adverbs ("qui", "également", "tous"). */
    skip: ReadonlySet<string>;
    /** Negators ("ne", "n'", "pas", "jamais"). */
    negators: ReadonlySet<string>;
    /** Words making the predicate hypothetical or averted ("failli", "pourraient"). */
    modal: ReadonlySet<string>;
    /**
     * A verb bracket (German): after one of these finite verbs the predicate may close the clause,
     * after up to `window` words of adverbials ("62 Soldaten wurden am Samstag bei dem Angriff
     * getötet", "kamen bei dem Angriff ums Leben"). Absent where the predicate follows its
     * auxiliary (French, Spanish).
     */
    bracket?: { finite: ReadonlySet<string>; window: number; stops: ReadonlySet<string> };
  };
  /** Person nouns (singular and plural forms): "un soldat a été tué" counts 1; "un obus" does not. */
  personNouns: ReadonlySet<string>;
  /** Pronouns that stand for one victim: "il a été tué". */
  personPronouns: ReadonlySet<string>;
  /** Determiners of a single person subject: "le chauffeur a été tué". */
  singularDeterminers: ReadonlySet<string>;
  /** Words that end a noun phrase (prepositions, conjunctions, verbs, pronouns). */
  npStop: ReadonlySet<string>;
  /** Words that join nouns inside a noun phrase: "membres des forces". */
  npLinks: ReadonlySet<string>;
  /** Words for "other(s)" dropped from the front of a victim group: "90 autres blessés". */
  otherWords: ReadonlySet<string>;
  /** Head nouns that name things, not people: "deux véhicules", "trois obus". */
  nonPersonNouns: ReadonlySet<string>;
  /** A number followed by these is not a count of people: "ans", "heures", "km", months. */
  unitsAfter: ReadonlySet<string>;
  /** A number preceded by these is not a count: "âgé de", "numéro", "route". */
  nonCountBefore: ReadonlySet<string>;
  /** Death tolls: the head word(s) before "s'élève à 62" and the words allowed in between. */
  toll: { heads: Array<Pattern>; filler: ReadonlySet<string> };
  /** Negations with no count: "aucune victime", "pas de blessés", "sains et saufs". Group 1 or 0 names the kind. */
  negations: Array<[RegExp, CasualtyKind]>;
  /** Sentence-level cues that a figure is a total over time or another event. */
  context: RegExp;
  /** "en 2012": group 1 is a year; two or more years before the article's makes the figure context. */
  pastYear: RegExp;
  /** Victim groups that mean people in general ("personnes"), for the summary rule. */
  genericGroups: RegExp;
  /** Cheap sentence filter: only sentences matching this are read for casualties. */
  candidate: RegExp;

  // --- quotes and attribution
  quotes: {
    /** Opening and closing marks, e.g. ["«", "»"], ["“", "”"], ["‹", "›"]; straight quotes are always read. */
    pairs: Array<[string, string]>;
  };
  speech: {
    /** Reporting verbs in every form used as a cue ("déclaré", "déclare", "dit", "selon" is separate). */
    verbs: ReadonlySet<string>;
    /** Auxiliaries before a participle cue ("a déclaré"). */
    aux: ReadonlySet<string>;
    /** "selon X", "d'après X". */
    according: Array<Pattern>;
    /** After the cue, introducing reported content: "que", "qu'". */
    complementizers: ReadonlySet<string>;
    /** Participles continuing a statement: "précisant que", "ajoutant que". */
    participles: ReadonlySet<string>;
    /** Cues valid only right after a quotation (German "…“, so der Sprecher"). */
    postQuote?: Array<Pattern>;
    /** Words between a cue and its speaker that are no part of it ("a déclaré samedi le ministre"). */
    timeWords?: ReadonlySet<string>;
    /** Subject pronouns: "il", "elle". */
    pronouns: ReadonlySet<string>;
    /** An inverted pronoun glued to the verb: "a-t-il", "déclare-t-elle". Group 1 is the verb, group 2 the pronoun. */
    inversion: RegExp | null;
    /** Determiners stripped from the front of a speaker ("le", "un"). */
    determiners: ReadonlySet<string>;
    /** Words that end a speaker noun phrase after the cue ("dans", "lors", days). */
    speakerStops: ReadonlySet<string>;
    /** Common nouns that can speak ("porte-parole", "ministère", "témoin"). */
    speakerNouns: ReadonlySet<string>;
    /** Endings of agent and institution nouns that can speak ("-eur", "-iste", "-ure": "enquêteur", "préfecture"). */
    speakerSuffix?: RegExp;
    /**
     * Role and title words: "de X" after them names the speaker's organisation ("porte-parole de la
     * coalition"), and before a name they are a title ("le colonel Samir Nasser" → "Samir Nasser").
     */
    roleNouns: ReadonlySet<string>;
    /** Words marking an outlet: "agence", "journal"; an outlet after "à"/"cité par" is the channel. */
    outletHeads: ReadonlySet<string>;
    /** Words introducing a channel: "à", "au", "cité par". */
    channelCues: Array<Pattern>;
  };
}

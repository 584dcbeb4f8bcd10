import type { CasualtyKind } from "../types";
import type { PatternPack, PredicateSpec, QualKind, VagueAmount } from "./types";
import { B, E, participle, table, withPlurals, words } from "./words";

/**
 * Spanish: number words, casualty terms, qualifiers, attribution cues and quotation marks for the
 * pattern engine ("al menos 62 soldados murieron", "un centenar de heridos", «…», dijo X).
 * Tested on the original fixtures in `fixtures/es/`.
 */

const VALUES: Record<string, number> = {
  cero: 0, un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciséis: 16, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19, veinte: 20, veintiuno: 21, veintiún: 21, veintiuna: 21, veintidós: 22, veintidos: 22, veintitrés: 23,
  veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiséis: 26, veintiseis: 26, veintisiete: 27, veintiocho: 28,
  veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400,
  cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700,
  setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
};
const SCALES: Record<string, number> = { mil: 1000, millón: 1e6, millon: 1e6, millones: 1e6 };

const about = (n: number): VagueAmount => ({ min: n, max: n, qualifier: "about" });
const atLeast = (n: number): VagueAmount => ({ min: n, max: null, qualifier: "vague" });

const VAGUE: Array<[string, VagueAmount]> = [
  ["decenas de miles", atLeast(20000)],
  ["cientos|centenares de miles", atLeast(200000)],
  ["varias decenas", atLeast(20)],
  ["varios cientos|centenares", atLeast(200)],
  ["varios miles|millares", atLeast(2000)],
  ["decenas", atLeast(20)],
  ["docenas", atLeast(24)],
  ["cientos|centenares", atLeast(200)],
  ["miles|millares", atLeast(2000)],
  ["millones", atLeast(2e6)],
  ["una decena", about(10)],
  ["una docena", about(12)],
  ["una veintena", about(20)],
  ["una treintena", about(30)],
  ["una cincuentena", about(50)],
  ["un centenar", about(100)],
  ["un millar", about(1000)],
  ["unos|unas cuantos|cuantas", atLeast(2)],
  ["numerosos|numerosas", atLeast(3)],
  ["varios|varias", atLeast(2)],
];

const QUALIFIERS: Array<[string, QualKind]> = [
  ["no menos de", "at_least"],
  ["por lo menos", "at_least"],
  ["como mínimo", "at_least"],
  ["poco|algo más de", "more_than"],
  ["como máximo", "at_most"],
  ["alrededor de", "about"],
  ["en torno a", "about"],
  ["al menos", "at_least"],
  ["más de", "more_than"],
  ["cerca de", "at_most"],
  ["hasta", "at_most"],
  ["casi", "at_most"],
  ["menos de", "less_than"],
  ["aproximadamente", "about"],
  ["unos|unas", "about"],
];

const K = (kind: CasualtyKind, transitive = false): PredicateSpec => ({ kind, transitive });
const pp = (stem: string) => participle(stem, ["o", "os", "a", "as"]);
const HOMES = "hogares|hogar|casas|casa|viviendas|vivienda|pueblos|pueblo|aldeas|aldea|barrios|ciudad|país|tierras";

const PREDICATES: Array<[string, PredicateSpec]> = [
  [`${pp("hallad")}|${pp("encontrad")} ${pp("muert")}`, K("killed")],
  [`${pp("hallad")}|${pp("encontrad")} sin vida`, K("killed")],
  ["perdieron|perdió|perdido la vida", K("killed")],
  [`${pp("herid")}|${pp("lesionad")} de muerte`, K("killed", true)],
  [`${pp("asesinad")}|${pp("matad")}|${pp("abatid")}|${pp("ejecutad")}|${pp("masacrad")}|${pp("acribillad")}`, K("killed", true)],
  [`${pp("muert")}|${pp("fallecid")}|murieron|murió|mueren|muere|fallecieron|falleció|fallecen|perecieron|pereció`, K("killed")],
  [`gravemente|levemente|leve|grave ${pp("herid")}`, K("wounded", true)],
  [`${pp("herid")}|${pp("lesionad")}|${pp("hospitalizad")}|${pp("apuñalad")}`, K("wounded", true)],
  [`${pp("dad")} por ${pp("desaparecid")}`, K("missing")],
  [`${pp("desaparecid")}|desaparecieron|desapareció`, K("missing")],
  [`${pp("tomad")} como rehenes|rehén`, K("captured", true)],
  [`${pp("secuestrad")}|${pp("raptad")}|${pp("capturad")}`, K("captured", true)],
  [`huyeron|huyó|huido|huir de sus|su ${HOMES}`, K("displaced")],
  [`${pp("obligad")}|${pp("forzad")} a huir|abandonar`, K("displaced")],
  [`${pp("desplazad")}`, K("displaced", true)],
];

const ACTIVE_AUX = "ha|han|había|habían|habría|habrían";
const ACTIVE: Array<[string, CasualtyKind]> = [
  ["cobró|cobrado|cobrando|cobra|costó|costado|costando|cuesta la vida de|a", "killed"],
  [`${ACTIVE_AUX} matado|asesinado|abatido|ejecutado|masacrado`, "killed"],
  ["murieron|murió|fallecieron|falleció|perecieron|pereció", "killed"],
  ["resultaron|resultó|quedaron muertos|muertas", "killed"],
  ["resultaron|resultó|quedaron|fueron heridos|heridas|herido|herida", "wounded"],
  ["han sido asesinados|asesinadas", "killed"],
  ["fueron asesinados|asesinadas", "killed"],
  ["fueron secuestrados|secuestradas", "captured"],
  ["mató|mataron|matando|matar|mata|matan|asesinó|asesinaron|asesinando|abatió|abatieron", "killed"],
  [`${ACTIVE_AUX} herido`, "wounded"],
  ["hirió|hirieron|hiriendo|herir|hiere", "wounded"],
  [`${ACTIVE_AUX} secuestrado|capturado`, "captured"],
  ["secuestró|secuestraron|secuestrando|capturó|capturaron", "captured"],
  ["desplazó|desplazaron|desplazando", "displaced"],
];

const PERSON = withPlurals(
  "hombre mujer niño niña bebé adolescente persona soldado policía agente combatiente rebelde insurgente yihadista " +
    "militante habitante residente vecino vecina transeúnte pasajero pasajera estudiante alumno alumna periodista " +
    "fotógrafo médico médica enfermero enfermera socorrista bombero bombera cooperante obrero obrera empleado empleada " +
    "refugiado refugiada turista manifestante miembro víctima sospechoso atacante prisionero detenido minero minera " +
    "padre madre hijo hija hermano hermana marido esposa esposo diputado diputada sargento coronel comandante recluta " +
    "voluntario voluntaria miliciano marinero piloto guardia familia individuo niños",
);
for (const w of "civil:civiles militar:militares joven:jóvenes peatón:peatones conductor:conductores chófer:chóferes trabajador:trabajadores fiel:fieles rehén:rehenes agricultor:agricultores pescador:pescadores alcalde:alcaldes oficial:oficiales capitán:capitanes general:generales guardián:guardianes gente:gentes".split(" ")) {
  for (const f of w.split(":")) PERSON.add(f);
}

const PASSIVE_AUX = words("sido fue fueron es son era eran será serán sería serían resultaron resultó resultado están está estaban estaba quedaron quedó");
const ACTIVE_AUX_SET = words("ha han había habían habría habrían habrá habrán haber haya hayan");
const AUX_SKIP = words("que también además todos todas ya probablemente presuntamente supuestamente aparentemente finalmente luego aún todavía se siguen sigue seguían seguía permanecen permanece continúan continúa");

/** The Spanish pack. */
export const es: PatternPack = {
  engine: "pattern",
  code: "es",
  name: "Spanish",
  abbreviations: words("sr sra srta dr dra lic ing av avda etc pág núm nº gral cnel tte sgto cap art ene feb mar abr jun jul ago sept sep oct nov dic aprox"),
  elisions: new Set(),
  decimalComma: true,
  numbers: {
    morphemes: (w) => (w in VALUES || w in SCALES ? [w] : null),
    values: VALUES,
    scales: SCALES,
    connectors: words("y"),
    articles: words("un una uno"),
    zero: words("ningún ninguna ninguno cero"),
  },
  vague: table(VAGUE),
  qualifiers: table(QUALIFIERS),
  postQualifiers: table<QualKind>([["al menos", "at_least"], ["por lo menos", "at_least"], ["aproximadamente", "about"]]),
  range: {
    separators: words("a - – o u"),
    between: words("entre"),
    betweenSeparators: words("y"),
    from: words("de"),
    fromSeparators: words("a"),
  },
  changeWords: words("pasó pasado aumentó aumentado subió subido ascendió ascendido elevó elevado"),
  of: words("de"),
  casualtyNouns: {
    muertos: "killed", muerto: "killed", muertas: "killed", fallecidos: "killed", fallecidas: "killed", víctimas: "killed",
    víctima: "killed", heridos: "wounded", heridas: "wounded", herido: "wounded", herida: "wounded", lesionados: "wounded",
    desaparecidos: "missing", desaparecidas: "missing", rehenes: "captured", rehén: "captured", secuestrados: "captured",
    desplazados: "displaced", desplazadas: "displaced", refugiados: "displaced",
  },
  predicates: table(PREDICATES),
  activeVerbs: table(ACTIVE),
  determinersBeforeNumber: words("los las sus estos estas"),
  aux: {
    passive: PASSIVE_AUX,
    active: ACTIVE_AUX_SET,
    singular: words("fue es era será sería ha había habría resultó quedó está estaba"),
    skip: AUX_SKIP,
    negators: words("no nunca jamás"),
    modal: words("pudieron podrían podría pueden puede pudo"),
  },
  personNouns: PERSON,
  personPronouns: words("él ella"),
  singularDeterminers: words("el la este esta su"),
  npStop: new Set([
    ...PASSIVE_AUX, ...ACTIVE_AUX_SET, ...AUX_SKIP,
    ...words(
      "quien quienes cuyo cuya donde y e o u ni pero en a al ante tras durante después antes desde por para con sin según " +
        "entre hacia contra él ella ellos ellas lo le les los las el la un una unos unas este esta estos estas " +
        "lunes martes miércoles jueves viernes sábado domingo ayer",
    ),
  ]),
  npLinks: words("de del"),
  otherWords: words("otros otras otro otra"),
  nonPersonNouns: withPlurals(
    "vehículo casa edificio aparato tanque camión ataque bombardeo proyectil cohete misil bomba bala disparo día hora " +
      "minuto semana año kilómetro km:- metro euro tonelada pueblo barrio escuela atentado incidente helicóptero coche " +
      "avión:- aviones mes:- meses vez:- veces dólar:- dólares país:- países ciudad:- ciudades posición:- posiciones hospital:- hospitales",
  ),
  unitsAfter: words(
    "años año meses mes días día semanas semana horas hora h minutos min segundos km kilómetros metros m % por euros € " +
      "dólares $ toneladas kg veces º enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
  ),
  nonCountBefore: words("número nº ruta artículo resolución página capítulo edad"),
  toll: {
    heads: table<true>([["balance", true], ["cifra|número de muertos|víctimas|fallecidos", true]]).map(([p]) => p),
    filler: words("asciende ascendió ascendido ha a se elevó eleva elevado es era de en subió sube aumentó aumentado alcanza alcanzó llega llegó provisional oficial ya ahora pasado pasó"),
  },
  negations: [
    [new RegExp(`${B}(?:sin\\s+(?:causar\\s+|dejar\\s+)?|no\\s+(?:hubo|hay|se\\s+registraron|se\\s+reportaron)\\s+)(víctimas|heridos|muertos|fallecidos)${E}`, "giu"), "killed"],
    [new RegExp(`${B}nadie\\s+(?:resultó|fue|ha\\s+resultado)\\s+(herido|muerto)${E}`, "giu"), "killed"],
    [new RegExp(`${B}nadie\\s+(murió|falleció)${E}`, "giu"), "killed"],
    [new RegExp(`${B}(?:ilesos?|ilesas?)${E}`, "giu"), "wounded"],
  ],
  context: new RegExp(
    `${B}(?:desde\\s+(?:el\\s+(?:inicio|comienzo|principio)|(?<!(?:mortífero|mortífera|grave|sangriento|sangrienta)\\s+)(?:19|20)\\d\\d)` +
      `|en\\s+total|en\\s+lo\\s+que\\s+va\\s+de\\s+año|este\\s+año|el\\s+año\\s+pasado|el\\s+mes\\s+pasado|cada\\s+año|al\\s+año` +
      `|en\\s+los\\s+últimos\\s+(?:\\p{L}+\\s+)?(?:años|meses)|(?:la|esta)\\s+guerra\\s+(?:ha|había)|el\\s+conflicto\\s+(?:ha|había)` +
      `|(?:otro|otra|un\\s+anterior|una\\s+anterior)\\s+(?:ataque|atentado|incidente|bombardeo|tiroteo))${E}`,
    "iu",
  ),
  pastYear: new RegExp(`${B}en\\s+(?:(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\s+de\\s+)?((?:19|20)\\d\\d)${E}`, "giu"),
  genericGroups: /^(?:personas|gente|víctimas|individuos|en total)$/i,
  candidate: /abandon|apuñal|muert|matad|mató|matar|matando|mataron|fallec|muri|mueren|muere|perec|víctima|herid|hiri|lesionad|hospitaliz|desaparec|rehén|rehenes|secuestr|rapt|captur|desplaz|refugiad|huy|huid|huir|balance|cifra|asesin|ejecut|masacr|abati|acribill|ilesos?|ilesas?|la vida|ningún|ninguna|nadie/i,
  quotes: { pairs: [["«", "»"], ["“", "”"]] },
  speech: {
    verbs: words(
      "dijo dice dijeron dicen decía declaró declara declararon afirmó afirma afirmaron aseguró asegura aseguraron señaló " +
        "señala señalaron explicó explica explicaron indicó indica indicaron añadió añade añadieron agregó agrega precisó " +
        "precisa manifestó sostuvo sostiene advirtió advierte denunció denuncia confirmó confirma anunció anuncia reconoció " +
        "reconoce negó niega apuntó apunta subrayó destacó relató relata comentó insistió respondió escribió aseveró expresó " +
        "informó informa reportó recordó lamentó criticó acusó declarado dicho afirmado asegurado señalado explicado indicado " +
        "añadido confirmado anunciado informado",
    ),
    aux: words("ha han había habían habría"),
    according: table<true>([["según", true], ["de acuerdo con", true]]).map(([p]) => p),
    complementizers: words("que"),
    participles: words("precisando añadiendo señalando afirmando asegurando explicando indicando subrayando destacando advirtiendo agregando"),
    pronouns: words("él ella ellos ellas"),
    inversion: null,
    timeWords: words("lunes martes miércoles jueves viernes sábado domingo ayer hoy este esta anoche"),
    determiners: words("el la los las un una unos unas este esta estos estas su sus"),
    speakerStops: words(
      "en a al ante tras durante después antes desde por para con sin que quien donde según y e pero " +
        "lunes martes miércoles jueves viernes sábado domingo ayer hoy este esta",
    ),
    speakerNouns: withPlurals(
      "ministro ministra ministerio gobierno ejército responsable fuente testigo habitante presidente presidenta jefe jefa " +
        "comandante diplomático embajador:es representante enviado observatorio organización:- organizaciones agencia comunicado informe " +
        "coalición:- secretario director:es directora médico prefecto fiscal:es abogado experto analista activista consejo comité comisión:- " +
        "autoridad:es bombero militar:es soldado rebelde investigador:es gobernador:es diputado senador:es oposición:- régimen:- " +
        "pentágono kremlin onu:- otan:- hospital:es familia vecino superviviente sobreviviente fiscalía alcaldía prefectura " +
        "guardia policía portavoz:- portavoces alcalde ong:-",
    ),
    speakerSuffix: /(?:or|ora|ista|ente|ante|ario|aria|ía)(?:s|es)?$/,
    roleNouns: words(
      "portavoz coordinador coordinadora ministro ministra presidente presidenta jefe jefa director directora responsable representante miembro " +
        "secretario secretaria comandante embajador embajadora enviado enviada consejero dirigente diputado alcalde general " +
        "oficial diplomático coronel teniente capitán sargento doctor doctora profesor señor señora",
    ),
    outletHeads: words("agencia periódico diario cadena radio televisión revista sitio efe afp reuters ap bbc cnn"),
    channelCues: table<true>([
      ["citado|citada|citados|citadas por", true],
      ["en declaraciones a|al", true],
      ["en una entrevista con|a|al", true],
      ["al", true],
      ["a", true],
    ]).map(([p]) => p),
  },
};

import type { ClusterLanguage } from "./types";
import { word, wordEnd as tail } from "./words";

/**
 * German for grouping (see `types.ts`). Compounds put the concept at the end ("Luftangriff",
 * "Koalitionsluftangriff"), so most patterns only anchor the end of the word.
 */
export const de: ClusterLanguage = {
  code: "de",
  stopwords: (
    "der die das den dem des ein eine einer eines einem einen und oder aber doch " +
    "sondern denn dass daß ob wenn als wie weil da so auch noch schon nur sehr " +
    "mehr weniger nicht kein keine keinen keiner ist sind war waren sein gewesen wird werden wurde " +
    "wurden worden hat haben hatte hatten habe kann können konnte konnten muss müssen soll sollen sich " +
    "er sie es wir ihr ich du man ihm ihn ihnen ihre ihrer ihren ihrem sein " +
    "seine seiner seinen seinem im in am an auf aus bei mit nach seit von vom " +
    "zu zum zur über unter vor hinter neben zwischen durch für gegen ohne um bis während " +
    "laut dieser diese dieses diesen diesem jener jede jeder jedes alle allen aller andere anderen weitere " +
    "bereits dort hier dabei damit davon dazu darauf inzwischen"
  ).split(" "),
  terms: {
    airstrike: [tail("luftangriff|luftschlag|drohnenangriff|bombenangriff"), tail("kampfflugzeug|kampfjet")],
    shelling: [tail("artilleriefeuer|granatenbeschuss|beschuss|raketenbeschuss|mörserbeschuss")],
    bombing: [tail("bombenanschlag|sprengstoffanschlag|selbstmordanschlag|autobombe|explosion|detonation")],
    shooting: [tail("schießerei|schusswaffenangriff"), word("schütze|schützen|todesschütze|eröffnete das feuer|eröffneten das feuer")],
    flood: [tail("überschwemmung|hochwasser|sturzflut|flut")],
    fire: [tail("brand|großbrand|waldbrand"), /(?<!das )feuer(?![\p{L}])/u],
    earthquake: [tail("erdbeben|beben")],
    storm: [tail("sturm|unwetter|hurrikan|taifun|zyklon|tornado")],
    crash: [tail("flugzeugabsturz|absturz|zugunglück|busunglück|entgleisung")],
    collapse: [tail("einsturz|eingestürzt")],
    landslide: [tail("erdrutsch|hangrutsch|schlammlawine|murenabgang")],
    shipwreck: [tail("schiffsunglück|fährunglück|bootsunglück|schiffbruch"), word("gekentert|kenterte|kenterten")],
  },
};

import type { ClusterLanguage } from "./types";
import { word as re } from "./words";

/** French for grouping (see `types.ts`). */
export const fr: ClusterLanguage = {
  code: "fr",
  stopwords: (
    "le la les un une des du de d l au aux et ou mais donc " +
    "or ni car que qu qui quoi dont où ce cet cette ces se sa son " +
    "ses leur leurs lui elle elles il ils on nous vous je tu me te y " +
    "en ne pas plus moins très tout tous toute toutes autre autres même dans sur sous " +
    "avec sans pour par entre vers chez depuis pendant avant après selon contre lors ainsi alors " +
    "aussi comme si est sont été être était étaient a ont avait avaient avoir fait faire " +
    "peut pourrait doit été déjà encore toujours aussitôt ici là cela ceci celui celle ceux celles " +
    "dont notre nos votre vos mon ma mes ton ta tes quelque quelques chaque plusieurs aucun " +
    "aucune"
  ).split(" "),
  terms: {
    airstrike: [
      re("frappes? (?:aériennes?|de (?:la )?coalition|de drones?)"),
      re("raids? aériens?|bombardements? aériens?"),
      re("avions? de (?:combat|chasse)|chasseurs?-bombardiers?"),
    ],
    shelling: [re("pilonnages?|tirs? d'artillerie|obus|tirs? de (?:roquettes?|mortiers?)")],
    bombing: [re("attentats?(?: à la bombe| suicides?)?|voitures? piégées?|explosions?|kamikazes?")],
    shooting: [re("fusillades?|tireurs?|ouvert le feu|abattu(?:e|s|es)?")],
    flood: [re("inondations?|crues?(?: subites?)?")],
    fire: [re("incendies?|feux de forêt|brasier")],
    earthquake: [re("séismes?|tremblements? de terre|secousses?")],
    storm: [re("tempêtes?|ouragans?|typhons?|cyclones?|tornades?")],
    crash: [re("accidents? (?:d'avion|de train|de bus|d'hélicoptère)|écrasé|déraill(?:é|ement)")],
    collapse: [re("effondr(?:ement|é|ée|és|ées)")],
    landslide: [re("glissements? de terrain|coulées? de boue")],
    shipwreck: [re("naufrages?|chavir(?:é|ée|és|ées|ement)|a chaviré")],
  },
};

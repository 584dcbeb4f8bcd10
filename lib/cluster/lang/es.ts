import type { ClusterLanguage } from "./types";
import { word as re } from "./words";

/** Spanish for grouping (see `types.ts`). */
export const es: ClusterLanguage = {
  code: "es",
  stopwords: (
    "el la los las un una unos unas lo al del de y e o u " +
    "ni pero sino que quien quienes cual cuales cuyo cuya donde cuando como este esta estos " +
    "estas ese esa esos esas aquel aquella se su sus le les me te nos os " +
    "él ella ellos ellas yo tú usted ustedes en con sin por para entre hacia hasta " +
    "desde durante ante tras sobre según contra muy más menos todo toda todos todas otro otra " +
    "otros otras mismo misma ya también aún así si no es son fue fueron era eran " +
    "ser sido está están estaba estaban estar ha han había habían haber hay tiene tienen tenía " +
    "hace puede pueden cada varios varias algún alguna algunos algunas ningún ninguna"
  ).split(" "),
  terms: {
    airstrike: [
      re("bombardeos? aéreos?|ataques? aéreos?|ataques? con drones?"),
      re("incursi(?:ón|ones) aéreas?|aviones? de combate|cazas?"),
      re("bombardeos? de la coalición"),
    ],
    shelling: [re("disparos? de artillería|obuses|proyectiles de mortero|cohetes")],
    bombing: [re("atentados?(?: con bomba| suicidas?)?|coches? bomba|explosi(?:ón|ones)")],
    shooting: [re("tiroteos?|pistoleros?|abrió fuego|abrieron fuego|balaceras?")],
    flood: [re("inundaci(?:ón|ones)|riadas?|crecidas?")],
    fire: [re("incendios?|llamas")],
    earthquake: [re("terremotos?|sismos?|seísmos?")],
    storm: [re("tormentas?|huracanes?|huracán|tifones?|tifón|ciclones?|ciclón|tornados?")],
    crash: [re("accidentes? (?:aéreos?|de avión|de tren|de autobús|de helicóptero)|se estrelló|descarril\\p{L}*")],
    collapse: [re("derrumbes?|derrumbó|colaps(?:o|ó)")],
    landslide: [re("deslizamientos? de tierra|deslaves?|corrimientos? de tierra|aludes? de (?:lodo|barro)")],
    shipwreck: [re("naufragios?|naufragó|zozobr(?:ó|a|aron)")],
  },
};

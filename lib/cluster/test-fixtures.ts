/**
 * Hand-made, fictional articles for the grouping tests (no real article text). Towns, people and
 * outlets are invented. A background of unrelated incidents gives the online IDF something to
 * learn from, as a real stream would.
 */
import type { ClusterDoc } from "./types";

/** Build a doc with defaults. */
export function doc(id: string, date: string | null, title: string, text: string, outlet = "example.com"): ClusterDoc {
  return { id, title, text, date, outlet, url: `https://${outlet}/${id}` };
}

const BACKGROUND_FACTS: [string, string, string, string, number, string][] = [
  // town, street, victim, weekday, age, detail
  ["Marlow Springs", "Birch Lane", "Tobias Renner", "Monday", 31, "a dispute over a parked truck"],
  ["Eastfield", "Quarry Road", "Lena Okafor", "Tuesday", 19, "an argument outside a convenience store"],
  ["Port Halden", "Harbor View Drive", "Samuel Achterberg", "Wednesday", 45, "a break-in at a marina office"],
  ["Grayson Falls", "Mill Street", "Darnell Whitcomb", "Thursday", 27, "a fight at a bowling alley"],
  ["Cedar Bluff", "Ridgeway Avenue", "Irene Castellano", "Friday", 62, "a robbery at a pharmacy"],
  ["Lakeport", "Sycamore Court", "Kevin Ostrowski", "Saturday", 22, "a party that got out of hand"],
  ["Brandt Hollow", "Cannery Row", "Marisol Quintero", "Sunday", 38, "a road rage confrontation"],
  ["New Tilden", "Foundry Street", "Walter Pemberton", "Monday", 54, "a hunting trip"],
  ["Ashby Junction", "Depot Street", "Keisha Lamont", "Tuesday", 16, "a drive-by near a school bus stop"],
  ["Silverton Heights", "Juniper Way", "Omar Haddad", "Wednesday", 40, "a dispute between neighbors"],
  ["Fenwick", "Lantern Hill Road", "Gretchen Albers", "Thursday", 29, "a carjacking at a gas station"],
  ["Oakridge Bay", "Pelican Drive", "Hector Villanueva", "Friday", 33, "a shooting at an apartment complex"],
];

/** Unrelated one-article incidents, one per day from `startDay` (YYYY-MM-DD) onwards. */
export function background(startDate: string): ClusterDoc[] {
  const start = Date.parse(startDate + "T00:00:00Z");
  return BACKGROUND_FACTS.map(([town, street, victim, weekday, age, detail], i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const last = victim.split(" ")[1] ?? victim;
    return doc(
      `bg-${i}`,
      date,
      `${age}-year-old shot in ${town}`,
      `${town.toUpperCase()} — A ${age}-year-old was shot ${weekday} night on ${street} after ${detail}, police said.\n\n` +
        `Officers found ${victim} with a gunshot wound and took the victim to a hospital. ${last} was listed in stable condition.\n\n` +
        `Police said the shooter fled before officers arrived. Anyone with information is asked to call the ${town} Police Department.\n\n` +
        `The investigation is continuing, a police spokesperson said.`,
      `bg${i}.example`,
    );
  });
}

/** Report 1 of the Riverton gas-station shooting (fictional). */
export const GAS_STATION_1 = doc(
  "gas-1",
  "2021-03-14",
  "Man killed at Riverton gas station",
  "RIVERTON — Marcus Delane, 24, was shot and killed early Sunday at the Quickfill gas station on Elm Street, Riverton police said.\n\n" +
    "Witnesses told officers two men argued at pump four before one of them pulled a handgun and fired three times. Delane died at the scene.\n\n" +
    "Detective Ruth Ambler said investigators were reviewing surveillance video from the Quickfill and asked witnesses to come forward.",
  "rivertonledger.example",
);

/** Report 2 of the same gas-station shooting: other outlet, other wording. */
export const GAS_STATION_2 = doc(
  "gas-2",
  "2021-03-14",
  "Police: argument at pump led to deadly Elm Street shooting",
  "A 24-year-old Riverton man died after being shot during an argument at a Quickfill station on Elm Street, according to police.\n\n" +
    "Marcus Delane was pronounced dead at the scene. Detective Ruth Ambler said surveillance video from the Quickfill shows the gunman leaving in a silver sedan.\n\n" +
    "No arrests had been made Sunday afternoon.",
  "channel9riverton.example",
);

/** Report 1 of a different shooting, same city, same day (domestic, Oak Avenue). */
export const OAK_AVENUE_1 = doc(
  "oak-1",
  "2021-03-14",
  "Woman wounded in Riverton home shooting",
  "RIVERTON — Patricia Holm, 51, was wounded Sunday evening inside her home on Oak Avenue, Riverton police said.\n\n" +
    "Officers arrested her estranged husband, Gerald Holm, 55, at the house. He faces a charge of attempted murder.\n\n" +
    "Holm was taken to St. Brigid Medical Center with a gunshot wound to the arm and is expected to recover.",
  "rivertonledger.example",
);

/** Report 2 of the Oak Avenue shooting. */
export const OAK_AVENUE_2 = doc(
  "oak-2",
  "2021-03-14",
  "Husband charged after wife shot on Oak Avenue",
  "Gerald Holm, 55, was booked into the county jail on an attempted murder charge after his estranged wife was shot at her Oak Avenue home in Riverton.\n\n" +
    "Patricia Holm, 51, was treated at St. Brigid Medical Center for an arm wound. Neighbors said they heard an argument before the shot.",
  "channel9riverton.example",
);

/** Four days later: arrest in the gas-station case, new wording, same names and places. */
export const GAS_STATION_FOLLOW_UP = doc(
  "gas-3",
  "2021-03-18",
  "Arrest made in Quickfill killing of Marcus Delane",
  "Riverton detectives on Thursday arrested a 29-year-old man in the death of Marcus Delane, who was gunned down at the Quickfill on Elm Street last weekend.\n\n" +
    "Detective Ruth Ambler said tips from the public and the station's surveillance video led investigators to the suspect, who was found in a silver sedan.\n\n" +
    "Delane's family described him as a devoted father of two.",
  "valleyherald.example",
);

/** A wire story and its syndicated copy in another outlet, with different site furniture. */
const WIRE_BODY =
  "DUNMORE CREEK — Three people were wounded Saturday when gunfire broke out at a youth basketball tournament at the Dunmore Creek Community Center, authorities said.\n\n" +
  "Sheriff Alana Brightwater said a spectator opened fire in the parking lot after a dispute that began inside the gym. The wounded, ages 17, 19 and 43, were taken to Halvorsen Regional Hospital.\n\n" +
  "A 20-year-old man was detained near the center and questioned. Tournament organizers canceled the remaining games and said they would review security.\n\n" +
  "Sheriff Brightwater said deputies recovered a handgun in a trash bin near the parking lot.";

export const WIRE_ORIGINAL = doc(
  "wire-1",
  "2021-06-05",
  "3 wounded in shooting at Dunmore Creek basketball tournament",
  WIRE_BODY + "\n\nCopyright 2021 Lakeshore Wire. All rights reserved.",
  "lakeshorewire.example",
);

export const WIRE_COPY = doc(
  "wire-2",
  "2021-06-05",
  "3 wounded in shooting at Dunmore Creek basketball tournament - KXYZ News 4",
  "Share this:\nFacebook\nTwitter\n\n" + WIRE_BODY + "\n\nDownload our app for breaking news alerts.",
  "kxyz4.example",
);

/**
 * English function words. They carry no information about *which* event an article reports, and
 * early in a stream (before document frequencies are learned) they would dominate the vectors.
 * Domain words ("shooting", "police") are deliberately NOT listed: online IDF down-weights them,
 * and in another domain they would be the discriminative words.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also am an and any are aren around as at be " +
    "became because been before being below between both but by can cannot could couldn did didn " +
    "do does doesn doing don down during each either else ever every few for from further had " +
    "hadn has hasn have haven having he her here hers herself him himself his how however i if in " +
    "into is isn it its itself just least less let like ll made make many may me might more most " +
    "much must my myself neither never no nor not now of off often on once only or other others " +
    "otherwise our ours ourselves out over own per perhaps put quite rather re really s said same " +
    "say says several shall she should shouldn since so some such t than that the their theirs them " +
    "themselves then there these they this those though through thus to too toward towards under " +
    "until up upon us ve very was wasn we were weren what whatever when where whether which while " +
    "who whom whose why will with within without won would wouldn yet you your yours yourself " +
    "yourselves according told tell asked ago another among amid via mr mrs ms dr jr sr st " +
    "get got go going gone went come came know known one's"
  ).split(" "),
);

/** Number words mapped to digits so "three wounded" and "3 wounded" share a feature. */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["one", "1"], ["two", "2"], ["three", "3"], ["four", "4"], ["five", "5"], ["six", "6"],
  ["seven", "7"], ["eight", "8"], ["nine", "9"], ["ten", "10"], ["eleven", "11"],
  ["twelve", "12"], ["thirteen", "13"], ["fourteen", "14"], ["fifteen", "15"],
  ["sixteen", "16"], ["seventeen", "17"], ["eighteen", "18"], ["nineteen", "19"],
  ["twenty", "20"], ["double", "2"], ["triple", "3"], ["quadruple", "4"],
]);

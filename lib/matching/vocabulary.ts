/**
 * Small word lists the matcher needs and no NLP package ships: which names stand for the same place, which
 * words are titles rather than names, and synonyms common in news copy. Kept short and general on purpose:
 * each entry must hold in any article, not just in the labelled set (data/matching/).
 */

/** Capitals and metonyms that stand for their country ("Moscow said" = "Russia said"), and spelling variants. */
export const PLACE_ALIASES: Record<string, string> = {
  moscow: "russia", kremlin: "russia", "russian federation": "russia",
  kyiv: "ukraine", kiev: "ukraine",
  minsk: "belarus", belorussia: "belarus",
  helsinki: "finland", stockholm: "sweden", oslo: "norway", tallinn: "estonia", riga: "latvia", vilnius: "lithuania",
  warsaw: "poland", berlin: "germany", paris: "france", london: "united kingdom", rome: "italy", madrid: "spain",
  beijing: "china", tokyo: "japan", ankara: "turkey", tehran: "iran", tbilisi: "georgia", chisinau: "moldova",
  washington: "united states", us: "united states", usa: "united states", america: "united states",
  "united states of america": "united states", "the united states": "united states",
  uk: "united kingdom", britain: "united kingdom", "great britain": "united kingdom",
  brussels: "belgium",
};

/** Adjectives of nationality: "Russian troops" are troops of the place Russia. */
export const DEMONYMS: Record<string, string> = {
  russian: "russia", ukrainian: "ukraine", belarusian: "belarus", belarussian: "belarus", finnish: "finland",
  swedish: "sweden", norwegian: "norway", estonian: "estonia", latvian: "latvia", lithuanian: "lithuania",
  polish: "poland", german: "germany", french: "france", british: "united kingdom", italian: "italy",
  spanish: "spain", chinese: "china", japanese: "japan", turkish: "turkey", iranian: "iran", american: "united states",
  georgian: "georgia", moldovan: "moldova", european: "europe", crimean: "crimea",
};

/** Words that precede a name without being one: "Foreign Minister Sergei Lavrov" names Lavrov. */
export const TITLE_WORDS = new Set([
  "minister", "foreign", "prime", "deputy", "president", "vice", "secretary", "state", "spokesman", "spokeswoman",
  "spokesperson", "ambassador", "general", "chancellor", "chief", "head", "senator", "governor", "mayor", "mr", "mrs",
  "ms", "dr", "sir", "lord", "lady", "king", "queen", "prince", "commander", "colonel", "lieutenant", "admiral",
  "defense", "defence", "interior", "finance", "economy", "press", "senior", "former", "acting", "speaker",
]);

/** Days and months look like names to a tagger; they are dates, compared (if at all) as numbers. */
export const CALENDAR_WORDS = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/**
 * News agencies and outlets that report a claim rather than make it: "Reuters quoted Sullivan" and "Sullivan
 * said, AFP reported" are the same claim. They count as words, not as the entities a match must agree on.
 */
export const REPORTING_OUTLETS = new Set(["reuters", "afp", "ap", "tass", "interfax", "ria", "novosti", "bloomberg", "bbc", "cnn"]);

/** Verbs of saying carry little of what a claim is about. */
export const LOW_CONTENT_LEMMAS = new Set(["say", "tell", "add", "state", "claim", "according", "accord", "report", "quote", "note", "also", "later", "have", "be", "do", "get", "make"]);

/** Words that turn a claim into its opposite. */
export const NEGATIONS = new Set(["not", "no", "never", "n't", "neither", "nor", "nobody", "nothing", "none", "without"]);

/** Synonym groups; every word maps to the group's first word. */
const SYNONYM_GROUPS: string[][] = [
  ["troop", "soldier", "force", "serviceman", "servicemen"],
  ["amass", "mass", "gather", "concentrate", "station", "deploy", "assemble"],
  ["war", "conflict"],
  ["near", "close", "along"],
  ["border", "frontier"],
  ["reject", "rebuff", "dismiss"],
  ["demand", "request"],
  ["drill", "exercise", "maneuver", "manoeuvre", "wargame"],
  ["talk", "negotiation", "dialogue"],
  ["accuse", "blame"],
  ["threat", "danger", "risk"],
  ["invade", "invasion"],
  ["retaliatory", "retaliation", "countermeasure"],
  ["rise", "increase", "grow", "climb", "jump"],
  ["fall", "drop", "decline", "decrease", "shrink"],
  ["cut", "reduce", "slash", "lower"],
  ["percent", "pct", "%"],
  ["comment", "remark", "statement"],
  ["warn", "caution"],
  ["refugee", "evacuee"],
  ["price", "cost"],
  ["expansion", "enlargement", "expand", "enlarge"],
  ["sanction", "penalty"],
  ["ban", "bar", "prohibit"],
  ["alliance", "bloc"],
  ["plan", "intend"],
  ["journalist", "reporter", "broadcaster"],
  ["videoconference", "teleconference", "videolink"],
];

export const SYNONYMS: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((word) => [word, group[0]!] as const)),
);

/**
 * Pairs of canonical words (after SYNONYMS) that make two otherwise alike claims opposite: "prices rose 30
 * percent" is not "prices fell 30 percent".
 */
const ANTONYM_PAIRS: Array<[string, string]> = [
  ["rise", "fall"], ["accept", "reject"], ["approve", "reject"], ["confirm", "deny"], ["win", "lose"],
  ["support", "oppose"], ["allow", "ban"], ["raise", "cut"], ["restore", "cut"], ["highest", "lowest"],
  ["high", "low"], ["strengthen", "weaken"], ["gain", "lose"], ["more", "less"], ["above", "below"],
];

export const ANTONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [a, b] of ANTONYM_PAIRS) {
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return map;
})();

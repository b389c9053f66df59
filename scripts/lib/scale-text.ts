// Text for the scale generator (scripts/lib/scale-seed.ts): plain ASCII sentences built from small word lists,
// so a position counted in characters is the same in UTF-16 code units (what claim selectors count), and
// full-text search finds a realistic spread of matches (common words, rarer names).

const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemi", "Luis", "Maya", "Niko", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara"];
const LAST = ["Rivera", "Okafor", "Schmidt", "Tanaka", "Novak", "Haddad", "Larsen", "Moreau", "Silva", "Kowalski", "Adeyemi", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer"];
const ROLES = ["the minister", "the mayor", "a spokesperson", "the senator", "the chief executive", "the union leader", "the governor", "an adviser"];
const TOPICS = ["unemployment", "inflation", "housing starts", "hospital waiting times", "crime", "school funding", "rail ridership", "emissions", "wages", "rents", "exports", "tax revenue", "childcare costs", "broadband coverage", "river pollution", "bus fares"];
const PLACES = ["the city", "the region", "the country", "the capital", "rural districts", "the northern provinces", "coastal towns", "the valley"];
const CHANGES = ["rose", "fell", "doubled", "halved", "stayed flat", "grew", "dropped sharply", "climbed"];
const TOWNS = ["Ashford", "Brightwater", "Calder", "Dunmore", "Elmstead", "Fairhaven", "Glenrock", "Harlow", "Ivybridge", "Juniper", "Kingsbury", "Lakeside", "Millbrook", "Northfield", "Oakridge", "Pinecrest", "Queensbay", "Redcliff", "Stonegate", "Thornbury", "Upton", "Valewood", "Westmere", "Yarrow"];
const MASTHEADS = ["Times", "Herald", "Post", "Gazette", "Observer", "Radio", "Courier", "Chronicle", "Ledger", "Tribune", "Review", "Dispatch"];
const FILLER = [
  "Officials did not respond to a request for comment before publication.",
  "The figures were published in the annual report released on Monday.",
  "Critics say the numbers leave out several important groups.",
  "Local residents gave a mixed response at the public meeting.",
  "The debate is expected to continue when the council meets next month.",
  "Independent analysts have questioned the methodology used.",
  "The department said a full breakdown would follow later this year.",
  "Several community groups have called for an independent review.",
];
export const VERDICT_RATIONALES = [
  "Official statistics for the period match the figure quoted, within rounding.",
  "The published data show a change in the opposite direction over the same period.",
  "The figure is accurate for one year but the claim presents it as a lasting trend.",
  "No public record supports the number; the office cited could not provide a source.",
  "The survey quoted measured a different group than the one the claim describes.",
];

/** A deterministic pseudo-random sequence (mulberry32): the same sizes give the same database. */
export function randomSequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}

export type Random = ReturnType<typeof randomSequence>;

// Family names from syllables (a few thousand of them): any one name is in a small share of the texts, as in a
// real archive, so searching for a person is selective.
const SYLLABLES = ["ka", "lo", "ven", "dra", "mi", "sor", "tel", "bri", "nak", "wen", "zu", "fal", "gor", "hin", "pe", "rus", "tam", "quil"];
const familyName = (r: Random) => {
  const name = `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.next() < 0.5 ? r.pick(SYLLABLES) : ""}`;
  return name[0]!.toUpperCase() + name.slice(1);
};
export const personName = (r: Random) => `${r.pick(FIRST)} ${r.next() < 0.3 ? r.pick(LAST) : familyName(r)}`;

export function headline(r: Random): string {
  return `${r.pick(["Fact check", "Analysis", "Explainer", "Report"])}: ${r.pick(TOPICS)} in ${r.pick(PLACES)}`.replace(/^./, (c) => c.toUpperCase());
}

/** A checkable sentence: who said what about which number. */
export function claimSentence(r: Random): { sentence: string; speaker: string } {
  const speaker = personName(r);
  const sentence = `${speaker}, ${r.pick(ROLES)}, said ${r.pick(TOPICS)} in ${r.pick(PLACES)} ${r.pick(CHANGES)} by ${1 + r.int(60)} percent since ${2000 + r.int(25)}.`;
  return { sentence, speaker };
}

/** "Northfield Courier 12": town and masthead words that speakers' names never use. */
export const publisherName = (r: Random, n: number) => `${r.pick(TOWNS)} ${r.pick(MASTHEADS)} ${n}`;
export const fillerSentence = (r: Random) => r.pick(FILLER);
export const sourceTitle = (r: Random) => `${r.pick(["Annual report on", "Statistics:", "Briefing on", "Survey of", "Audit of"])} ${r.pick(TOPICS)} in ${r.pick(PLACES)}`;
export const slugWords = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");

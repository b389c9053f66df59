import nlp from "compromise";
import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken, type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { nameKey, normalizeTypography } from "./normalize";
import {
  CALENDAR_WORDS, DEMONYMS, LOW_CONTENT_LEMMAS, NEGATIONS, PLACE_ALIASES, REPORTING_OUTLETS, SYNONYMS, TITLE_WORDS,
} from "./vocabulary";

/**
 * What a claim is about, as the matcher compares it (docs/decisions/0014-claim-matching-nlp.md):
 * lemmatised content words, the quantities it states, the places and names it mentions, who said it, and what
 * it negates. wink-nlp tags and lemmatises; compromise turns number phrases ("a hundred thousand") into values
 * and tells places from other names.
 */
export interface ClaimFeatures {
  /** Term key -> weight. Words are lemmas ("troop"), entities "@russia", quantities "#100000". */
  terms: Map<string, number>;
  /** Quantities as canonical strings ("100000", "7.5"), compared exactly. */
  quantities: Set<string>;
  /** Known places, capitals and demonyms folded into their country ("Moscow", "Russian" -> "russia"). */
  places: Set<string>;
  /** Other names (people by surname, organisations), plus the speaker's surname. */
  names: Set<string>;
  /** The speaker's surname key: the given speaker, else the name the text attributes it to ("Peskov said"). */
  speaker: string | null;
  /** Whether `speaker` came from the claim's speaker field (true) or was read from its text. */
  speakerGiven: boolean;
  /**
   * Polarity of the words a negation governs ("does not want", "no war"): "negated", or "both" when the text
   * also uses the word without one. Words absent here are affirmed.
   */
  polarity: Map<string, "negated" | "both">;
  /** Plain search words for full-text retrieval: the surface words, lemmas and synonyms, lowercase ASCII. */
  searchWords: Set<string>;
}

export const WEIGHTS = { word: 1, lowContentWord: 0.25, entity: 2.5, quantity: 3 } as const;

const wink = winkNLP(model);
const its = wink.its;
// wink-nlp 2.4's typings declare its.lemma with a parameter list that does not fit ItsFunction; at run time it
// is an ordinary token "its" function (the package's own docs call token.out(its.lemma)).
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

/** Part-of-speech tags whose lemmas carry a claim's content. */
const CONTENT_POS = new Set(["NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM", "X", "SYM"]);
/** Verbs that may come before the speaker: "…, said Lavrov", "added Stoltenberg". */
const POSTPOSED_SPEECH = new Set(["say", "add", "tell", "write", "reply", "respond", "insist", "warn", "ask"]);
const NEGATABLE_POS = new Set(["NOUN", "VERB", "ADJ"]);
const NUMBER_ENTITIES = new Set(["CARDINAL", "MONEY", "PERCENT", "QUANTITY"]);
/** A lone capitalised word opening a sentence is a name when a verb of saying follows ("Peskov said"). */
const SPEECH_VERBS = new Set([
  "say", "tell", "add", "accuse", "warn", "urge", "claim", "insist", "deny", "announce", "state", "write", "argue",
  "suggest", "reply", "respond", "stress", "describe", "call", "characterize", "characterise", "note", "predict",
  "promise", "threaten", "vow", "complain", "admit", "confirm", "ask", "explain", "outline", "equate", "liken",
]);

/** Every other spelling of a place: its aliases and demonyms. */
/** A word list's entry for `key`, never something inherited: "constructor" in an article is a word, not a lookup of Object's. */
function own(list: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(list, key) ? list[key] : undefined;
}

const PLACE_SPELLINGS: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [spelling, place] of [...Object.entries(PLACE_ALIASES), ...Object.entries(DEMONYMS)]) {
    map.set(place, [...(map.get(place) ?? []), spelling]);
  }
  return map;
})();

const COMPASS = new Set(["eastern", "western", "northern", "southern", "central", "east", "west", "north", "south"]);
/** Generic words at the end of a name: "the Baltic Sea" and "the Baltic" are one name. */
const NAME_TAILS = new Set(["sea", "ocean", "river", "region", "province", "oblast", "republic", "city", "island", "islands"]);

/** A person is known by surname ("Sergei Lavrov" = "Lavrov"); any other name by its words ("Nord Stream"). */
function nameOf(run: number[], words: string[]): string {
  const trimmed = words.length > 1 && NAME_TAILS.has(words.at(-1)!) ? words.slice(0, -1) : words;
  return trimmed.length > 1 && isPerson(words.join(" ")) ? trimmed.at(-1)! : trimmed.join(" ");
}

function isPerson(phrase: string): boolean {
  return nlp(phrase).has("(#Person|#FirstName)");
}

export function speakerKey(speaker: string | null | undefined): string | null {
  if (!speaker) return null;
  const words = normalizeTypography(speaker).split(/[\s,]+/).map(nameKey).filter((w) => w && !TITLE_WORDS.has(w));
  return words.at(-1) ?? null;
}

/** "100000", "7.5": one spelling per value, so "100,000", "100k" and "a hundred thousand" agree. */
export function quantityKey(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function parseQuantity(phrase: string): number | null {
  const values = nlp(phrase).numbers().get() as unknown;
  // compromise returns an array of numbers for matches; anything else means it found none.
  const first = Array.isArray(values) ? values.find((v): v is number => typeof v === "number" && Number.isFinite(v)) : undefined;
  if (first !== undefined && first !== 0) return first;
  const digits = phrase.replace(/,/g, "").match(/\d+(?:\.\d+)?/);
  return digits ? Number(digits[0]) : null;
}

function isPlace(phrase: string): boolean {
  return nlp(phrase).has("#Place");
}

function canonicalWord(lemma: string): string {
  return SYNONYMS.get(lemma) ?? lemma;
}

export function analyzeClaim(text: string, speaker: string | null = null): ClaimFeatures {
  const doc = wink.readDoc(normalizeTypography(text));
  const tokens: ItemToken[] = [];
  doc.tokens().each((t: ItemToken) => void tokens.push(t));
  const pos = tokens.map((t) => t.out(its.pos));
  const lemma = tokens.map((t) => t.out(lemmaOf).toLowerCase());
  const surface = tokens.map((t) => t.out());

  const features: ClaimFeatures = {
    terms: new Map(), quantities: new Set(), places: new Set(), names: new Set(),
    speaker: speakerKey(speaker), speakerGiven: Boolean(speakerKey(speaker)), polarity: new Map(), searchWords: new Set(),
  };
  let attributed: string | null = null;
  const addTerm = (key: string, weight: number) => features.terms.set(key, Math.max(weight, features.terms.get(key) ?? 0));
  const addSearchWord = (word: string) => {
    const clean = nameKey(word);
    if (clean.length > 1 || /\d/.test(clean)) features.searchWords.add(clean);
  };
  const addPlace = (place: string) => {
    features.places.add(place);
    addTerm(`@${place}`, WEIGHTS.entity);
    // Stored text may name the place another way: "Russia" also searches "Moscow", "Kremlin", "Russian".
    for (const word of [place, ...(PLACE_SPELLINGS.get(place) ?? [])]) for (const part of word.split(" ")) addSearchWord(part);
  };
  const used = new Set<number>(); // token indexes already read as a quantity, date or name

  // Quantities: wink finds the number phrases, compromise reads their value.
  doc.entities().each((entity: ItemEntity) => {
    const [start, end] = entity.out(its.span) as unknown as [number, number];
    const type = entity.out(its.type);
    const phrase = entity.out();
    if (NUMBER_ENTITIES.has(type)) {
      const value = parseQuantity(phrase);
      if (value !== null) features.quantities.add(quantityKey(value));
    } else if (type === "DATE") {
      // A year is a quantity a claim can get wrong; weekdays and "Jan. 28" are reporting detail.
      for (const year of phrase.match(/\b(1[89]\d\d|20\d\d)\b/g) ?? []) features.quantities.add(year);
    } else return;
    for (let i = start; i <= end; i++) used.add(i);
  });
  tokens.forEach((_, i) => {
    if (pos[i] === "NUM" && !used.has(i)) {
      const value = parseQuantity(surface[i]!);
      if (value !== null) features.quantities.add(quantityKey(value));
      used.add(i);
    }
  });
  for (const q of features.quantities) {
    addTerm(`#${q}`, WEIGHTS.quantity);
    features.searchWords.add(q);
  }

  // Names: runs of proper nouns, split at titles ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov").
  const sentenceStarts = new Set<number>();
  doc.sentences().each((s: ItemSentence) => void sentenceStarts.add((s.out(its.span) as unknown as [number, number])[0]));
  // "said Lavrov", "Lavrov told": a verb of saying, as a verb (not "Secretary of State").
  const isSpeechVerb = (i: number) => pos[i] === "VERB" && SPEECH_VERBS.has(lemma[i] ?? "");
  const placeOf = (run: number[]): string | null => {
    // "Eastern Europe" and "eastern Europe" are both Europe; the direction stays a word of the claim.
    const words = run.map((i) => nameKey(surface[i]!));
    if (words.length > 1 && COMPASS.has(words[0]!) && placeOf(run.slice(1))) return placeOf(run.slice(1));
    const phrase = words.join(" ");
    return own(PLACE_ALIASES, phrase) ?? own(DEMONYMS, phrase) ?? (isPlace(run.map((i) => surface[i]).join(" ")) ? phrase : null);
  };
  const flushName = (run: number[]) => {
    if (run.length === 0) return;
    const phrase = run.map((i) => nameKey(surface[i]!)).join(" ");
    if (run.length > 1 && !own(PLACE_ALIASES, phrase) && !COMPASS.has(phrase.split(" ")[0]!)) {
      // "Ambassador to Moscow John Sullivan" runs a place into a name: split where a token is a place by itself
      // (before asking whether the whole run is a place, which compromise answers yes for this one).
      const cut = run.findIndex((i) => placeOf([i]));
      if (cut >= 0) {
        flushName(run.slice(0, cut));
        flushName([run[cut]!]);
        flushName(run.slice(cut + 1));
        return;
      }
    }
    const words = run.map((i) => nameKey(surface[i]!)).filter(Boolean);
    if (words.length === 0) return;
    const lone = run.length === 1 && sentenceStarts.has(run[0]!);
    const place = placeOf(run);
    if (place) {
      addPlace(place);
    } else if (lone && !isSpeechVerb(run[0]! + 1)) {
      // A capitalised sentence opener ("Inflation rose") is as likely a common word: keep it as a word only.
      addTerm(canonicalWord(lemma[run[0]!]!), WEIGHTS.word);
    } else {
      const key = nameOf(run, words);
      if (!REPORTING_OUTLETS.has(key)) features.names.add(key);
      const after = run.at(-1)! + 1;
      // "Lavrov told", "said Lavrov" (but not "likened Lavrov's comments": that Lavrov is not the speaker).
      const saysIt = isSpeechVerb(after) || (POSTPOSED_SPEECH.has(lemma[run[0]! - 1] ?? "") && surface[after] !== "'s");
      if (!attributed && !REPORTING_OUTLETS.has(key) && saysIt) attributed = key;
      addTerm(`@${key}`, REPORTING_OUTLETS.has(key) ? WEIGHTS.lowContentWord : WEIGHTS.entity);
    }
    for (const i of run) addSearchWord(surface[i]!);
    for (const i of run) used.add(i);
  };
  let run: number[] = [];
  tokens.forEach((_, i) => {
    const word = nameKey(surface[i]!);
    const properNoun = pos[i] === "PROPN" && !used.has(i) && !CALENDAR_WORDS.has(word) && word !== "";
    if (properNoun && !TITLE_WORDS.has(word)) run.push(i);
    else {
      flushName(run);
      run = [];
      if (properNoun) used.add(i); // a title word: neither name nor content
    }
    if (!properNoun && sentenceStarts.has(i + 1)) { flushName(run); run = []; }
  });
  flushName(run);

  // What a negation governs: the next noun, verb or adjective before any punctuation ("not a member" -> member).
  const governed = new Set<number>();
  let pending = false;
  tokens.forEach((_, i) => {
    if (NEGATIONS.has(lemma[i]!) || NEGATIONS.has(surface[i]!.toLowerCase())) pending = true;
    else if (pos[i] === "PUNCT") pending = false;
    else if (pending && !used.has(i) && NEGATABLE_POS.has(pos[i]!)) {
      governed.add(i);
      pending = false;
    }
  });

  // Content words: lemmas, synonyms folded; nationality adjectives count as their place.
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    // Words with synonyms are kept whatever their tag: "near" is a preposition, "close" an adjective.
    const content = SYNONYMS.has(lemma[i]!) || (CONTENT_POS.has(pos[i]!) && !t.out(its.stopWordFlag));
    if (used.has(i) || !content) return;
    const word = nameKey(lemma[i]!) || (lemma[i] === "%" ? "%" : "");
    if (!word) return;
    const place = own(DEMONYMS, word);
    if (place) {
      addPlace(place);
    } else {
      const canonical = canonicalWord(word);
      addTerm(canonical, LOW_CONTENT_LEMMAS.has(canonical) ? WEIGHTS.lowContentWord : WEIGHTS.word);
      const polarity = features.polarity.get(canonical);
      if (governed.has(i)) features.polarity.set(canonical, polarity ?? (seen.has(canonical) ? "both" : "negated"));
      else if (polarity === "negated") features.polarity.set(canonical, "both");
      seen.add(canonical);
      if (canonical !== word) addSearchWord(canonical);
    }
    addSearchWord(surface[i]!);
    addSearchWord(lemma[i]!);
  });

  if (!features.speaker && attributed) features.speaker = attributed;
  if (features.speaker) {
    features.names.add(features.speaker);
    // Who said it is compared as the speaker; "Lavrov said" in the text is not also overlap of content.
    features.terms.delete(`@${features.speaker}`);
  }
  return features;
}

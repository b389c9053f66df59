/**
 * Typography that must not change a match: the same sentence copied from two publishers differs in quote marks,
 * apostrophes, dashes, spaces and editorial brackets. Everything here maps such variants to one plain form
 * before the text reaches the NLP pipeline.
 */

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E"]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

// "100k", "2bn", "$3.5m": the suffixes wire copy uses for thousands, millions and billions. A bare "m" is only a
// million after a currency sign or before a plural noun ("100m" alone is as often metres).
const SUFFIX_MULTIPLIERS: Array<[RegExp, string]> = [
  [/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?k\b/gi, "$1 thousand"],
  [/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(?:bn|bln)\b/gi, "$1 billion"],
  [/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(?:tn|trn)\b/gi, "$1 trillion"],
  [/([$€£¥₽]\s?\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(?:m|mn|mln)\b/gi, "$1 million"],
  // ... or before a counted plural: "20m tonnes", "3m people".
  [/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(?:m|mn|mln)\b(?=\s+\p{L}+s\b)/giu, "$1 million"],
];

export function normalizeTypography(text: string): string {
  let out = text.normalize("NFKC").replace(SPACES, " ");
  // Thousands separated by a (thin) space, "100 000", are one number; NFKC has already turned thin spaces into
  // plain ones, so only digit groups of exactly three are joined.
  out = out.replace(/(\d) (?=\d{3}\b)/g, "$1,");
  out = out.replace(APOSTROPHES, "'").replace(DOUBLE_QUOTES, " ");
  // A single quote used as a quotation mark ('shameful') goes; one inside a word (don't, Ukraine's) stays.
  out = out.replace(/(^|[^\p{L}\p{N}])'+/gu, "$1 ").replace(/'+(?=[^\p{L}\p{N}]|$)/gu, " ");
  out = out.replace(DASHES, " - ").replace(/\u2026/g, " ").replace(/\.{3,}/g, " ");
  // Editorial insertions "[the West]" read as part of the sentence.
  out = out.replace(/[[\]]/g, " ");
  for (const [pattern, replacement] of SUFFIX_MULTIPLIERS) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, " ").trim();
}

/** Lowercase ASCII-ish key of a name: "Zelenskyy" and "Zelenskyy's" agree, diacritics dropped. */
export function nameKey(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/'s$/, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

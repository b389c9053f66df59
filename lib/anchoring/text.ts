// Code-unit helpers shared by the anchoring modules. Offsets are UTF-16 code units throughout;
// these helpers make sure no computed boundary ever falls between the halves of a surrogate pair.

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when offset i sits between a high and a low surrogate, i.e. inside one code point. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** The code point starting at offset i ("" past the end). */
export function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** The code point ending at offset i ("" at the start). */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return "";
  return splitsPair(text, i - 1) ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

const SPACE = /^\s$/u;
const PUNCTUATION = /^\p{P}$/u;
const CONNECTOR = /^\p{Pc}$/u;
const DIGIT = /^\p{Nd}$/u;

export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/**
 * Letters, digits, marks, symbols (emoji, skin-tone modifiers, currency), ZWJ and "_": anything that is
 * neither whitespace nor punctuation. Quotes, commas, periods, brackets and dashes are not word characters.
 */
export function isWordChar(ch: string): boolean {
  if (ch === "" || SPACE.test(ch)) return false;
  return !PUNCTUATION.test(ch) || CONNECTOR.test(ch);
}

// Punctuation that joins word characters into one word, as in UAX #29 (MidNumLet/MidNum):
// "don’t", "NATO's", "U.S", "1.5" and, between digits only, "100,000". Hyphens split words, as in browsers.
const JOIN_ANY = new Set(["'", "’", ".", "·", "‧"]);
const JOIN_DIGITS = new Set([","]);

function joins(before: string, joiner: string, after: string): boolean {
  if (JOIN_ANY.has(joiner)) return isWordChar(before) && isWordChar(after);
  if (JOIN_DIGITS.has(joiner)) return DIGIT.test(before) && DIGIT.test(after);
  return false;
}

/** True when offset i falls inside a word (or inside a surrogate pair), so a span must not start or end there. */
export function insideWord(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (splitsPair(text, i)) return true;
  const before = charBefore(text, i);
  const after = charAt(text, i);
  if (isWordChar(before) && isWordChar(after)) return true;
  // i is right after a joiner ("don’|t") or right before one ("don|’t").
  if (joins(charBefore(text, i - before.length), before, after)) return true;
  return joins(before, after, charAt(text, i + after.length));
}

/** Length of the longest common suffix of a and b, in code units. */
export function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Length of the longest common prefix of a and b, in code units. */
export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Throws RangeError unless start and end are integer offsets within text (0..text.length). */
export function assertOffsets(text: string, start: number, end: number): void {
  for (const offset of [start, end]) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
      throw new RangeError(`Offset ${offset} is outside a text of ${text.length} code units`);
    }
  }
}

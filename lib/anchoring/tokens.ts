// Word-level tokens for comparing two revisions. Whitespace is never a token, so re-wrapping, doubled
// spaces and paragraph breaks are invisible; each token carries a typography-free key, so curly and
// straight quotes or dashes compare equal. Offsets stay UTF-16 code units into the original text.

export interface Token {
  start: number;
  end: number;
  /** What comparisons use: the token with quotes, apostrophes, dashes and ellipses made plain. */
  key: string;
}

// A word: runs of word characters (see isWordChar in ./text: anything but whitespace and punctuation,
// "_" included) joined by ’ ' . · ‧ between word characters or "," between digits, as insideWord does.
// Any other punctuation is one token per run of the same character ("...", "!!").
const W = String.raw`(?:[^\s\p{P}]|\p{Pc})`;
const TOKEN = new RegExp(String.raw`${W}+(?:(?:['’.·‧](?=${W})|(?<=\p{Nd}),(?=\p{Nd}))${W}+)*|(\p{P})\1*`, "gu");

const PLAIN: Record<string, string> = { "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", ʼ: "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "…": "..." };
const TYPOGRAPHY = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "gu");
const SAME_LENGTH = new RegExp(`[${Object.keys(PLAIN).filter((ch) => PLAIN[ch]!.length === 1).join("")}]`, "gu");

/** The text with typographic quotes, apostrophes, dashes and ellipses replaced by plain ones. */
export function plainTypography(text: string): string {
  return text.replace(TYPOGRAPHY, (ch) => PLAIN[ch] ?? ch);
}

/** Splits text into tokens, in order. */
export function tokenize(text: string): Token[] {
  // One pass of replacements over the whole text: every one but the ellipsis keeps the length, so keys
  // can be cut from the plain text at the same offsets (an ellipsis is a token of its own).
  const plain = text.replace(SAME_LENGTH, (ch) => PLAIN[ch] ?? ch);
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const key = plain.slice(start, end);
    tokens.push({ start, end, key: key.includes("…") ? key.replaceAll("…", "...") : key });
  }
  return tokens;
}

/** Index of the first token ending after offset (tokens.length when none). */
export function firstTokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many tokens start before offset. */
export function tokensBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Highlighted snippets travel as plain text with two private-use characters around each hit (PostgreSQL's
 * ts_headline puts them there, or markTerms does); the page splits on them and renders <mark> elements, so no
 * stored text is ever treated as HTML. Any marker already in the stored text is removed first.
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface Segment {
  text: string;
  hit: boolean;
}

export function stripMarkers(text: string): string {
  return text.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
}

/** Splits a marked snippet into plain and highlighted runs; an unclosed marker highlights to the end. */
export function splitHighlights(marked: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  let current = "";
  const flush = () => {
    if (current) segments.push({ text: current, hit });
    current = "";
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      hit = char === MARK_START;
    } else current += char;
  }
  flush();
  return segments;
}

/** Marks every case-insensitive occurrence of the terms (for fields matched by trigrams: URLs, titles). */
export function markTerms(text: string, terms: readonly string[]): string {
  const clean = stripMarkers(text);
  const lower = clean.toLowerCase();
  const hits = new Array<boolean>(clean.length).fill(false);
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) hits.fill(true, at, at + term.length);
  }
  let out = "";
  for (let i = 0; i < clean.length; i++) {
    if (hits[i] && !hits[i - 1]) out += MARK_START;
    out += clean[i];
    if (hits[i] && !hits[i + 1]) out += MARK_END;
  }
  return out;
}

/** A sentence of a text, trimmed, with its UTF-16 offsets in that text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * The sentences of a body, by the Unicode sentence rules (Intl.Segmenter, built into Node and browsers), each
 * trimmed of surrounding whitespace; paragraph breaks always end a sentence.
 */
export function splitSentences(body: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(body)) {
    // A paragraph break inside a segment (a heading without a full stop) still ends the sentence.
    let offset = 0;
    for (const piece of segment.split(/(\n\s*\n)/)) {
      const start = index + offset;
      offset += piece.length;
      const lead = piece.length - piece.trimStart().length;
      const text = piece.trim();
      if (text) spans.push({ text, start: start + lead, end: start + lead + text.length });
    }
  }
  return spans;
}

/** Revision bodies store paragraphs separated by one blank line (see lib/import). */
export const PARAGRAPH_SEPARATOR = "\n\n";

export interface Paragraph {
  text: string;
  /** UTF-16 offset of the paragraph's first character in the body, for mapping selectors to paragraphs. */
  start: number;
}

export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const text of body.split(PARAGRAPH_SEPARATOR)) {
    if (text.length > 0) paragraphs.push({ text, start });
    start += text.length + PARAGRAPH_SEPARATOR.length;
  }
  return paragraphs;
}

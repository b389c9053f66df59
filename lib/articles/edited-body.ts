/**
 * The body an editor saved, in the form revisions store: Unix line ends, no leading or trailing blank
 * space, paragraphs separated by exactly one blank line. Everything inside a paragraph (typography,
 * spaces) is kept byte for byte, so claims' quotes keep matching.
 */
export function normaliseEditedBody(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Shortens a claim quote for the compact embed card: cut at a word boundary, ellipsis appended, never
 * splitting a surrogate pair. The full text is one click away on the reader page.
 */
export function shorten(text: string, max = 90): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/**
 * A claim quote as the card shows it: inside one pair of curly quotes. Claims often include their
 * own quotation marks and a trailing comma ("“We don’t want a war,”"), which would otherwise double up.
 */
export function cardQuote(exact: string, max = 90): string {
  const inner = exact
    .trim()
    .replace(/^["“‘']+/, "")
    .replace(/["”’']+$/, "")
    .replace(/[\s,;:]+$/, "");
  return `“${shorten(inner, max - 2)}”`;
}

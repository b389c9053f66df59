// Characters XML 1.0 forbids outright (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/FFFF):
// escaping cannot represent them, and one of them would make the whole SVG fail to parse.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe both as element content and inside a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD").replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

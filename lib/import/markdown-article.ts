/**
 * A Markdown file as the plain wire text the importer takes: heading marks, rules and link syntax go, the
 * words stay byte-exact, and each link's address becomes a bare URL line so it is detected as a source the
 * same way as in a pasted article. Emphasis marks are left alone: `*` is too often part of the text itself.
 */

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE_OR_UNDERLINE = /^ {0,3}(?:[-=_*][ \t]*){3,}$/;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\((\S+?)(?:\s+"[^"]*")?\)/g;
const AUTOLINK = /<(https?:\/\/[^\s>]+)>/g;

export function markdownToArticleText(markdown: string): string {
  const links: string[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n").flatMap((line) => {
    if (RULE_OR_UNDERLINE.test(line)) return [""];
    const heading = HEADING.exec(line);
    // A heading is a paragraph of its own even without blank lines around it; hard wraps would join it to the next line.
    const text = withoutLinkSyntax(heading ? heading[1]! : line, links);
    return heading ? ["", text, ""] : [text];
  });
  const body = lines.join("\n");
  return links.length > 0 ? `${body}\n\n${links.join("\n")}\n` : body;
}

function withoutLinkSyntax(text: string, links: string[]): string {
  return text
    .replace(IMAGE, "")
    .replace(LINK, (_match, label: string, url: string) => {
      if (/^https?:\/\//i.test(url)) links.push(url);
      return label;
    })
    .replace(AUTOLINK, (_match, url: string) => {
      links.push(url);
      return url;
    });
}

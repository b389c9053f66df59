import { decodeArticleFile, refuseArticleFile } from "@/lib/import/article-file";
import { extractHtmlArticle } from "@/lib/import/html-article";
import { markdownToArticleText } from "@/lib/import/markdown-article";

export interface ReadArticle {
  text: string;
  fields: { title: string | null; byline: string | null; publisherName: string | null; publisherDomain?: string | null; originalUrl?: string | null; publishedOn: string | null };
}

/**
 * An uploaded file read in the browser, so a 20 MB page never has to travel to the server (whose requests are
 * capped far lower): checked on its size first, decoded as text, HTML run through the same Readability
 * extraction the server uses for fetched pages, on the browser's own HTML parser.
 */
export async function readArticleFile(file: File): Promise<{ ok: true; article: ReadArticle } | { ok: false; message: string }> {
  const refusal = refuseArticleFile(file.name, file.size);
  if (refusal) return { ok: false, message: refusal };
  const decoded = decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return decoded;
  const none = { title: null, byline: null, publisherName: null, publishedOn: null };
  if (decoded.format === "text") return { ok: true, article: { text: decoded.text, fields: none } };
  if (decoded.format === "markdown") return { ok: true, article: { text: markdownToArticleText(decoded.text), fields: none } };
  const extraction = extractHtmlArticle(new DOMParser().parseFromString(decoded.text, "text/html"));
  if (!extraction.ok) return { ok: false, message: `“${file.name}”: ${extraction.message}` };
  const { text, ...fields } = extraction.article;
  return { ok: true, article: { text, fields } };
}

/**
 * Reading an uploaded article file into text, before any importer sees it: which files we take, how big,
 * and refusing what is not text. Runs in the browser (the file never has to travel to the server whole)
 * and in tests; no DOM or Node APIs.
 */

export type ArticleFileFormat = "text" | "markdown" | "html";

/** A saved news page with its inline scripts and styles is rarely over a few MB; 20 MB is a mistake or not an article. */
export const MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024;

const FORMATS: Record<string, ArticleFileFormat> = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };

/** The extensions the file picker offers. */
export const ARTICLE_FILE_ACCEPT = ".txt,.md,.markdown,.html,.htm";

export type DecodedArticleFile = { ok: true; format: ArticleFileFormat; text: string } | { ok: false; message: string };

export function articleFileFormat(fileName: string): ArticleFileFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && FORMATS[extension]) || null;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checked on the file's size alone, so an oversized file is refused before a byte of it is read. */
export function refuseArticleFile(fileName: string, size: number): string | null {
  if (!articleFileFormat(fileName)) return `“${fileName}” is not a .txt, .md or .html file. Save the article in one of those formats, or paste its text.`;
  if (size === 0) return `“${fileName}” is empty.`;
  if (size > MAX_ARTICLE_FILE_BYTES) return `“${fileName}” is ${megabytes(size)}; the limit is ${megabytes(MAX_ARTICLE_FILE_BYTES)}. Save only the article, or paste its text.`;
  return null;
}

// An HTML file may say it is not UTF-8 (older newsroom systems write windows-1252); the declaration must
// come in the first 1024 bytes, as browsers require.
function declaredCharset(head: Uint8Array): string | null {
  const start = new TextDecoder("latin1").decode(head.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(start)?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string | null): TextDecoder {
  if (label) {
    try {
      return new TextDecoder(label, { fatal: true });
    } catch {
      // An unknown label: read it as UTF-8, which refuses the file below if that is wrong.
    }
  }
  return new TextDecoder("utf-8", { fatal: true });
}

export function decodeArticleFile(fileName: string, bytes: Uint8Array): DecodedArticleFile {
  const refusal = refuseArticleFile(fileName, bytes.byteLength);
  if (refusal) return { ok: false, message: refusal };
  const format = articleFileFormat(fileName)!;
  // Text never contains NUL; images, PDFs, Word files and archives almost always do, early on.
  if (bytes.subarray(0, 64 * 1024).includes(0)) {
    return { ok: false, message: `“${fileName}” is not a text file (it looks like an image, PDF, Word document or archive). Save the article as .txt or .html, or paste its text.` };
  }
  let text: string;
  try {
    text = decoderFor(format === "html" ? declaredCharset(bytes) : null).decode(bytes);
  } catch {
    return { ok: false, message: `“${fileName}” is not readable text (it is not UTF-8). Save it as UTF-8 text, or paste its text.` };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, message: `“${fileName}” has no text in it.` };
  return { ok: true, format, text };
}

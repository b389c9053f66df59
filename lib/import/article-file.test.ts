import { describe, expect, it } from "vitest";
import { decodeArticleFile, MAX_ARTICLE_FILE_BYTES, refuseArticleFile } from "./article-file";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decodeArticleFile", () => {
  it("reads .txt, .md and .html files as text, keeping typography and dropping a byte-order mark", () => {
    expect(decodeArticleFile("a.txt", bytes("\uFEFF“Quoted” — 100\u00a0000"))).toEqual({ ok: true, format: "text", text: "“Quoted” — 100\u00a0000" });
    expect(decodeArticleFile("A.MD", bytes("# Title"))).toMatchObject({ ok: true, format: "markdown" });
    expect(decodeArticleFile("page.htm", bytes("<p>Hi</p>"))).toMatchObject({ ok: true, format: "html" });
  });

  it("reads an HTML file in the charset its <meta> declares", () => {
    const latin1 = new Uint8Array([...bytes('<meta charset="windows-1252"><p>caf'), 0xe9, 0x20, 0xab, ...bytes("quoted"), 0xbb, ...bytes("</p>")]);
    expect(decodeArticleFile("old.html", latin1)).toMatchObject({ ok: true, text: '<meta charset="windows-1252"><p>café «quoted»</p>' });
  });

  it("refuses binary files, text that is not UTF-8, empty files and other extensions with a message naming the file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeArticleFile("photo.html", png)).toEqual({ ok: false, message: expect.stringMatching(/^“photo\.html” is not a text file/) });
    expect(decodeArticleFile("latin.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ ok: false, message: expect.stringContaining("not UTF-8") });
    expect(decodeArticleFile("empty.txt", new Uint8Array())).toEqual({ ok: false, message: "“empty.txt” is empty." });
    expect(decodeArticleFile("blank.md", bytes(" \n\t\n"))).toEqual({ ok: false, message: "“blank.md” has no text in it." });
    expect(decodeArticleFile("story.pdf", bytes("text"))).toEqual({ ok: false, message: expect.stringContaining("not a .txt, .md or .html file") });
  });

  it("refuses a file over 20 MB on its size alone, and takes one of exactly 20 MB", () => {
    expect(refuseArticleFile("huge.html", MAX_ARTICLE_FILE_BYTES + 1)).toBe("“huge.html” is 20.0 MB; the limit is 20.0 MB. Save only the article, or paste its text.");
    expect(refuseArticleFile("big.html", MAX_ARTICLE_FILE_BYTES)).toBeNull();
  });
});

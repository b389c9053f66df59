import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The labelled set's own guarantees (data/matching/README.md): sizes the issue asks for, every corpus claim an
// exact passage of its article, every label pointing at a corpus claim.
interface Claim { id: string; text: string; speaker: string | null }
interface LabelledSet {
  corpus: Array<Claim & { article: string }>;
  queries: Array<Claim & { kind: string; match: string[] }>;
}

const root = path.join(import.meta.dirname, "..", "..");
const set = JSON.parse(readFileSync(path.join(root, "data/matching/labelled-set.json"), "utf8")) as LabelledSet;
const collapse = (text: string) => text.replace(/\s+/g, " ");

function articleText(article: string): string {
  const file = article === "seed" ? "lib/import/__fixtures__/seed-article.txt" : `data/matching/articles/${article}.txt`;
  return collapse(readFileSync(path.join(root, file), "utf8"));
}

describe("data/matching/labelled-set.json", () => {
  it("has at least 60 corpus claims from the seed and six other articles, and 30 queries", () => {
    expect(set.corpus.length).toBeGreaterThanOrEqual(60);
    const articles = new Set(set.corpus.map((c) => c.article));
    expect(articles.has("seed")).toBe(true);
    expect(articles.size - 1).toBeGreaterThanOrEqual(6);
    expect(set.queries.length).toBeGreaterThanOrEqual(30);
  });

  it("quotes every corpus claim exactly from its article", () => {
    for (const claim of set.corpus) expect(articleText(claim.article), claim.id).toContain(collapse(claim.text));
  });

  it("labels every query with existing corpus ids, and has each kind of query", () => {
    const ids = new Set(set.corpus.map((c) => c.id));
    expect(new Set([...set.corpus, ...set.queries].map((c) => c.id)).size).toBe(set.corpus.length + set.queries.length);
    for (const query of set.queries) for (const id of query.match) expect(ids.has(id), `${query.id} -> ${id}`).toBe(true);
    const kinds = new Set(set.queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(["near-miss", "numbers", "paraphrase", "punctuation"]);
    for (const query of set.queries) expect(query.kind === "near-miss", query.id).toBe(query.match.length === 0);
  });
});

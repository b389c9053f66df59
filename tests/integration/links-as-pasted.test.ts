import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { evidence, sources } from "@/db/schema";
import { buildAnnotationCollection } from "@/lib/structured-data/web-annotation";
import { InvalidInputError } from "@/server/errors";
import { getPublishedClaims } from "@/server/services/reader/get-published-claims";
import { callerWith, createArticle, mark, namedUser } from "./claims-fixtures";
import { countRows, inRollback, openTestDatabase, rejectionOf } from "./helpers";

const { db } = await openTestDatabase();

// Issue 9 item 2, decision 0021: the canonical URL finds duplicates; the link people follow is the one pasted.
describe("links are kept as pasted", () => {
  it("an http:// link stays http:// in what is stored, what the workspace shows and what readers and the export link", () =>
    inRollback(db, async (tx) => {
      const author = await namedUser(tx, "editor", "Ana");
      const reviewer = await namedUser(tx, "editor", "Ben");
      const article = await createArticle(tx);
      const claim = await mark(tx, author, article, "Ninety percent of voters");
      const pasted = `http://www.example.org/${randomUUID()}/report?utm_source=newsletter`;
      const caller = callerWith(tx, author);
      const link = await caller.evidence.attach({ claimId: claim.id, url: pasted, stance: "refutes", excerpt: "Spending rose by 8 billion." });

      // Identity uses the canonical form; the link is the pasted one, byte for byte.
      expect(link.source.canonicalUrl).toMatch(/^https:\/\/example\.org\//);
      const [source] = await tx.select({ url: sources.url }).from(sources).where(eq(sources.id, link.sourceId));
      expect(source?.url).toBe(pasted);
      const [row] = await tx.select({ url: evidence.url }).from(evidence).where(eq(evidence.id, link.id));
      expect(row?.url).toBe(pasted);
      expect((await caller.claim.detail({ claimId: claim.id })).evidence[0]?.sourceUrl).toBe(pasted);

      const withVerdict = await caller.claim.setVerdict({ claimId: claim.id, version: claim.version, verdict: "false", rationale: "The report says 8 billion, not 12." });
      const inReview = await caller.claim.changeStatus({ claimId: claim.id, version: withVerdict.version, status: "in_review" });
      await callerWith(tx, reviewer).claim.review({ claimId: claim.id, version: inReview.version, decision: "approve", comment: "Checked." });
      const published = await getPublishedClaims(tx, article.id);
      expect(published[0]?.sources[0]?.url).toBe(pasted);
      const collection = buildAnnotationCollection({
        exportUrl: `https://factdesk.test/api/articles/${article.slug}/annotations`,
        articleUrl: `https://factdesk.test/a/${article.slug}`,
        articleTitle: "Claims fixture",
        publisher: { name: "Factdesk", url: "https://factdesk.test" },
        claims: published,
      });
      expect(JSON.stringify(collection)).toContain(JSON.stringify(pasted).slice(1, -1));
    }));

  it("a second spelling reuses the source but keeps its own link; the source's link stays the first one", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Ana");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent of voters");
      const id = `v${randomUUID().replace(/-/g, "").slice(0, 10)}`;
      const caller = callerWith(tx, editor).evidence;
      const first = await caller.attach({ claimId: claim.id, url: `https://www.youtube.com/watch?v=${id}`, stance: "context" });
      const second = await caller.attach({ claimId: claim.id, url: `https://youtu.be/${id}?t=95s`, stance: "supports" });
      expect(second.sourceId).toBe(first.sourceId);
      expect(second.url).toBe(`https://youtu.be/${id}?t=95s`);
      expect(second.source.url).toBe(`https://www.youtube.com/watch?v=${id}`);
    }));

  it("a pasted link's time fills an empty locator; a locator the editor gave wins", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Ana");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent of voters");
      const id = `v${randomUUID().replace(/-/g, "").slice(0, 10)}`;
      const caller = callerWith(tx, editor).evidence;
      expect(await caller.attach({ claimId: claim.id, url: `https://youtu.be/${id}?t=42`, stance: "supports" })).toMatchObject({ locator: "0:42" });
      expect(await caller.attach({ claimId: claim.id, url: `https://youtu.be/${id}?t=42`, stance: "supports", locator: "p. 3" })).toMatchObject({ locator: "p. 3" });
      expect(await caller.attach({ claimId: claim.id, url: `https://www.youtube.com/embed/${id}?start=3723`, stance: "context" })).toMatchObject({ locator: "1:02:03" });
      // The same link at the same time again is the twin the unique index refuses, named by its time.
      await expect(caller.attach({ claimId: claim.id, url: `https://youtu.be/${id}?t=42`, stance: "refutes" })).rejects.toThrow(/already attached to this claim at 0:42/);
    }));

  it("source.search marks the registry source a pasted link would reuse, whatever its spelling", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Ana");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent of voters");
      const path = `/${randomUUID()}/budget`;
      const attached = await callerWith(tx, editor).evidence.attach({ claimId: claim.id, url: `http://example.org${path}`, stance: "refutes" });
      await tx.update(sources).set({ title: "Budget report" }).where(eq(sources.id, attached.sourceId));
      const search = (query: string) => callerWith(tx, editor).source.search({ query });

      const results = await search(`https://www.example.org${path}?utm_campaign=x`);
      expect(results[0]).toMatchObject({ id: attached.sourceId, reused: true, title: "Budget report", url: `http://example.org${path}` });
      expect(results.filter((r) => r.reused)).toHaveLength(1);
      // A new link and plain words reuse nothing.
      expect((await search(`https://example.org/${randomUUID()}`)).some((r) => r.reused)).toBe(false);
      expect((await search("Budget report")).some((r) => r.reused)).toBe(false);
      // A link that can never be a source is an ordinary search, not an error.
      await expect(search("http://127.0.0.1/admin")).resolves.toEqual([]);
    }));

  it("a refused link names the url field, so the form shows the reason beside the Source field; nothing is written", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Ana");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent of voters");
      const before = await countRows(tx, "sources");
      const refusal = (await rejectionOf(callerWith(tx, editor).evidence.attach({ claimId: claim.id, url: "http://127.0.0.1/admin", stance: "refutes" }))) as { code?: string; cause?: unknown };
      expect(refusal.code).toBe("BAD_REQUEST");
      expect(refusal.cause).toBeInstanceOf(InvalidInputError);
      expect((refusal.cause as InvalidInputError).field).toBe("url");
      expect(await countRows(tx, "sources")).toBe(before);
    }));
});

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import { callerFor, createTestUser, inRollback, openTestDatabase, query, rejectionOf, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

async function insertSource(tx: Database, values: { url: string; title?: string; notes?: string; type?: string }) {
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into sources (canonical_url, original_urls, title, notes, type) values (${values.url}, array[${values.url}], ${values.title ?? null}, ${values.notes ?? null}, ${values.type ?? "other"}) returning id`,
  );
  return row!.id;
}

describe("admin source registry", () => {
  it("finds sources by words of title or notes (full text) and by part of the URL (trigram), with filters", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const word = uniqueName("zebra").replace(/[^a-z0-9]/gi, "");
      const byTitle = await insertSource(tx, { url: `https://example.org/${word}-a`, title: `Budget ${word} report`, type: "document" });
      const byNotes = await insertSource(tx, { url: `https://example.net/b-${word}`, notes: `Mentions ${word} in passing`, type: "video" });
      const byUrl = await insertSource(tx, { url: `https://videos${word}host.example/watch/1`, title: "Unrelated title" });

      const all = await admin.source.list({ query: word });
      expect(all.items.map((s) => s.id).sort()).toEqual([byTitle, byNotes, byUrl].sort());
      const urlOnly = await admin.source.list({ query: `videos${word}host` });
      expect(urlOnly.items.map((s) => s.id)).toEqual([byUrl]);
      expect((await admin.source.list({ query: word, type: "video" })).items.map((s) => s.id)).toEqual([byNotes]);
      expect((await admin.source.list({ query: word, unused: true })).items).toHaveLength(3);
      expect(all.items.every((s) => s.citingClaims === 0)).toBe(true);
    }));

  it("pages with a cursor in every sort, never repeating or skipping a row", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const word = uniqueName("paging").replace(/[^a-z0-9]/gi, "");
      const ids = [];
      for (let i = 0; i < 7; i += 1) ids.push(await insertSource(tx, { url: `https://example.org/${word}/${i}`, title: `${word} ${i % 3}` }));
      for (const sort of ["newest", "title", "most_cited"] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await admin.source.list({ query: word, sort, limit: 3, cursor });
          seen.push(...page.items.map((s) => s.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.slice().sort((a, b) => a - b), sort).toEqual(ids.slice().sort((a, b) => a - b));
      }
      expect(await rejectionOf(admin.source.list({ cursor: "abcd" }))).toMatchObject({ code: "BAD_REQUEST" });
    }));

  it("edits every field with one audit row, refuses a URL another source has, and refuses internal archive links", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const word = uniqueName("edit").replace(/[^a-z0-9]/gi, "");
      const id = await insertSource(tx, { url: `https://example.org/${word}` });
      const other = await insertSource(tx, { url: `https://example.org/${word}-other`, title: "The other one" });

      const updated = await admin.source.update({
        sourceId: id, url: `http://www.example.org/${word}/?utm_source=x`, title: "Edited", type: "dataset", publishedOn: "2026-01-02",
        archivedUrl: `https://web.archive.org/web/2026/https://example.org/${word}`, linkStatus: "redirected", notes: "Checked by hand",
      });
      expect(updated).toMatchObject({ canonicalUrl: `https://example.org/${word}`, title: "Edited", type: "dataset", linkStatus: "redirected", publishedOn: "2026-01-02" });
      expect(updated.originalUrls).toContain(`http://www.example.org/${word}/?utm_source=x`);
      const audit = await query<{ n: number }>(tx, sql`select count(*)::int as n from audit_events where entity_type = 'source' and entity_id = ${id} and action = 'source.updated'`);
      expect(audit[0]!.n).toBe(1);

      const twin = await rejectionOf(admin.source.update({ sourceId: id, url: `https://example.org/${word}-other` }));
      expect(twin).toMatchObject({ code: "CONFLICT" });
      expect((twin as Error).message).toContain(`#${other}`);
      expect(await rejectionOf(admin.source.update({ sourceId: id, archivedUrl: "http://169.254.169.254/latest" }))).toMatchObject({ code: "BAD_REQUEST" });
    }));
});

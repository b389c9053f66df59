import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerFor, createTestUser, inRollback, openTestDatabase, query, rejectionOf, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

describe("publisher reliability", () => {
  it("needs a rationale and a date, keeps every rating in the history, and the sources list shows the current one", () =>
    inRollback(db, async (tx) => {
      const admin = callerFor(tx, await createTestUser(tx, "admin"));
      const domain = `${uniqueName("press")}.example`;
      const [publisher] = await query<{ id: number }>(tx, sql`insert into publishers (domain, name) values (${domain}, 'Probe Press') returning id`);
      await query(tx, sql`insert into sources (canonical_url, publisher_id) values (${`https://${domain}/story`}, ${publisher!.id})`);
      const publisherId = publisher!.id;

      expect(await rejectionOf(admin.publisher.rate({ publisherId, rating: "low", rationale: "bad", ratedOn: "2026-01-02" }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await rejectionOf(admin.publisher.rate({ publisherId, rating: "low", rationale: "Repeated errors left uncorrected.", ratedOn: "2999-01-01" }))).toMatchObject({ code: "BAD_REQUEST" });

      await admin.publisher.rate({ publisherId, rating: "mixed", rationale: "Some corrections, often late.", ratedOn: "2026-01-02" });
      const rated = await admin.publisher.rate({ publisherId, rating: "generally_reliable", rationale: "A corrections policy since spring.", ratedOn: "2026-03-01" });
      expect(rated).toMatchObject({ reliabilityRating: "generally_reliable", ratedOn: "2026-03-01" });
      const history = await admin.publisher.history({ publisherId });
      expect(history.map((h) => [h.rating, h.ratedOn])).toEqual([["generally_reliable", "2026-03-01"], ["mixed", "2026-01-02"]]);
      const audit = await query<{ n: number }>(tx, sql`select count(*)::int as n from audit_events where entity_type = 'publisher' and entity_id = ${publisherId} and action = 'publisher.rated'`);
      expect(audit[0]!.n).toBe(2);
      // Append-only (a trigger); in a savepoint, so the refusal does not abort the test's transaction.
      expect(await rejectionOf(tx.transaction((sp) => query(sp, sql`update publisher_ratings set rating = 'high' where publisher_id = ${publisherId}`)))).toBeTruthy();

      const listed = await admin.publisher.list({ query: domain });
      expect(listed).toMatchObject([{ id: publisherId, reliabilityRating: "generally_reliable", sourceCount: 1 }]);
      const sources = await admin.source.list({ query: domain });
      expect(sources.items[0]).toMatchObject({ publisherRating: "generally_reliable" });
      expect((await admin.source.list({ query: domain, rating: "generally_reliable" })).items).toHaveLength(1);
    }));
});

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import { articleRevisions, articleSources, articles, auditEvents, claims, evidence, publishers, sources, users } from "@/db/schema";
import { CLAIM_KINDS, RELIABILITY_RATINGS, SOURCE_TYPES, STANCES, VERDICTS } from "@/db/schema/enums";
import { CONTEXT_LENGTH } from "@/lib/anchoring/types";
import { hashPassword } from "@/server/services/user/password";
import { VERDICT_RATIONALES, claimSentence, fillerSentence, headline, personName, publisherName, randomSequence, slugWords, sourceTitle, type Random } from "./scale-text";

/**
 * The scale generator behind `npm run seed:scale` (docs in README "Running at scale"): fills an empty, migrated
 * database with internally consistent newsroom data through PostgreSQL COPY: users, publishers with ratings,
 * sources, articles with one revision each, claims whose selectors point at their words in that revision,
 * evidence, and the audit rows the services would have written. Secondary indexes of the bulk tables are
 * dropped for the load and rebuilt at the end (one sorted build is several times faster than a million
 * inserts into GIN indexes), then everything is ANALYZEd.
 */
export interface ScaleSizes {
  articles: number;
  claims: number;
  sources: number;
}

/** Every scale-seeded account signs in with this password (documented in the README; never for production). */
export const SCALE_PASSWORD = "scale seed password";
const ACTOR_LABEL = "scale seed";
const ARTICLES_PER_CHUNK = 2000;
const BULK_TABLES = [articles, articleRevisions, articleSources, claims, evidence, auditEvents, sources, publishers];

type Row = (string | number | boolean | null)[];
type Progress = (line: string) => void;

/** COPY text format: tab-separated, `\N` for null, backslash escapes for the characters that frame rows. */
function copyLine(row: Row): string {
  return (
    row
      .map((v) => (v === null ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")))
      .join("\t") + "\n"
  );
}

/** The SQL column names of `table` for the given schema keys, so a renamed column breaks this at compile time. */
function columnsOf<T extends PgTable>(table: T, keys: (keyof T["_"]["columns"] & string)[]): { name: string; columns: string } {
  const config = getTableConfig(table);
  const byKey = table as unknown as Record<string, { name: string }>;
  return { name: config.name, columns: keys.map((k) => `"${byKey[k]!.name}"`).join(", ") };
}

async function copyRows<T extends PgTable>(sql: Sql | TransactionSql, table: T, keys: (keyof T["_"]["columns"] & string)[], rows: Iterable<Row>): Promise<number> {
  const { name, columns } = columnsOf(table, keys);
  let count = 0;
  const lines = (function* () {
    let batch = "";
    for (const row of rows) {
      batch += copyLine(row);
      count++;
      if (batch.length > 256 * 1024) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  })();
  const writable = await sql.unsafe(`copy "${name}" (${columns}) from stdin`).writable();
  await pipeline(Readable.from(lines), writable);
  return count;
}

async function nextId(sql: Sql, table: PgTable): Promise<number> {
  const [row] = await sql.unsafe<{ n: number }[]>(`select coalesce(max(id), 0)::int + 1 as n from "${getTableConfig(table).name}"`);
  return row!.n;
}

/** Indexes that are not constraints (primary keys stay), as `create index` statements to rebuild them with. */
async function dropSecondaryIndexes(sql: Sql): Promise<string[]> {
  const names = BULK_TABLES.map((t) => getTableConfig(t).name);
  const rows = await sql<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = 'public' and tablename in ${sql(names)}
      and indexname not in (select conname from pg_constraint where contype in ('p', 'u', 'x'))`;
  for (const { name } of rows) await sql.unsafe(`drop index "${name}"`);
  return rows.map((r) => r.definition);
}

const isoDay = (base: number, r: Random) => new Date(base - r.int(5 * 365) * 86_400_000).toISOString().slice(0, 10);

export async function seedScale(sql: Sql, sizes: ScaleSizes, progress: Progress = () => {}): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const [{ n: existing } = { n: 0 }] = await sql<{ n: number }[]>`select (select count(*) from articles) + (select count(*) from claims) + (select count(*) from sources) as n`;
  if (Number(existing) > 0) throw new Error("seed:scale fills an empty database: this one already has articles, claims or sources. Point DATABASE_URL at a freshly created one.");
  const r = randomSequence(sizes.articles * 31 + sizes.claims * 7 + sizes.sources);
  const now = Date.now();

  // Users: editors do the work, admins and readers exist as they would. One argon2 hash serves all of them.
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const editorsWanted = Math.max(5, Math.round(sizes.articles / 500));
  const userStart = await nextId(sql, users);
  const people: Row[] = [];
  const roleOf = (i: number) => (i < 3 ? "admin" : i < 3 + editorsWanted ? "editor" : "reader");
  for (let i = 0; i < 3 + editorsWanted + 50; i++) {
    const role = roleOf(i);
    people.push([userStart + i, `scale-${role}-${i}@example.com`, personName(r), role, passwordHash]);
  }
  await copyRows(sql, users, ["id", "email", "name", "role", "passwordHash"], people);
  const editors = Array.from({ length: 3 + editorsWanted }, (_, i) => userStart + i); // admins edit too
  const editor = () => editors[r.int(editors.length)]!;
  progress(`users ${people.length} (${editors.length} editors and admins), password "${SCALE_PASSWORD}"`);

  const indexes = await dropSecondaryIndexes(sql);
  progress(`dropped ${indexes.length} secondary indexes for the load`);
  try {
    // Publishers, one per 100 sources, with ratings, and their sources.
    const publisherCount = Math.max(10, Math.round(sizes.sources / 100));
    const publisherStart = await nextId(sql, publishers);
    const publisherRows: Row[] = [];
    for (let i = 0; i < publisherCount; i++) {
      const rating = RELIABILITY_RATINGS[r.int(RELIABILITY_RATINGS.length)]!;
      publisherRows.push([publisherStart + i, `news-${i}.example`, publisherName(r, i), rating, rating === "unrated" ? null : "Rated by the standards desk from its corrections record."]);
    }
    await copyRows(sql, publishers, ["id", "domain", "name", "reliabilityRating", "reliabilityRationale"], publisherRows);
    const sourceStart = await nextId(sql, sources);
    const sourceRows = function* (): Generator<Row> {
      for (let i = 0; i < sizes.sources; i++) {
        const p = r.int(publisherCount);
        const title = sourceTitle(r);
        const url = `https://news-${p}.example/${2000 + r.int(25)}/${slugWords(title)}-${i}`;
        yield [sourceStart + i, url, `{"${url}"}`, title, publisherStart + p, SOURCE_TYPES[r.int(SOURCE_TYPES.length)]!, isoDay(now, r), "ok"];
      }
    };
    await copyRows(sql, sources, ["id", "canonicalUrl", "originalUrls", "title", "publisherId", "type", "publishedOn", "linkStatus"], sourceRows());
    const audits: Row[] = [];
    const auditKeys: (keyof typeof auditEvents._.columns & string)[] = ["entityType", "entityId", "articleId", "claimId", "actorId", "actorLabel", "action", "after"];
    for (const [id, email, , role] of people) audits.push(["user", id!, null, null, null, ACTOR_LABEL, "user.created", JSON.stringify({ email, role })]);
    for (const [id, domain] of publisherRows) audits.push(["publisher", id!, null, null, null, ACTOR_LABEL, "publisher.created", JSON.stringify({ domain })]);
    await copyRows(sql, auditEvents, auditKeys, audits);
    await sql.unsafe(`insert into audit_events (entity_type, entity_id, actor_label, action, after)
      select 'source', id, '${ACTOR_LABEL}', 'source.created', jsonb_build_object('url', canonical_url) from sources where id >= ${sourceStart}`);
    progress(`publishers ${publisherCount}, sources ${sizes.sources} (${elapsed()})`);

    // Articles in chunks, each with its revision, claims, evidence and audit rows in one transaction.
    const articleStart = await nextId(sql, articles);
    const revisionStart = await nextId(sql, articleRevisions);
    let claimId = await nextId(sql, claims);
    let evidenceId = await nextId(sql, evidence);
    let claimsMade = 0;
    for (let chunkStart = 0; chunkStart < sizes.articles; chunkStart += ARTICLES_PER_CHUNK) {
      const chunkEnd = Math.min(sizes.articles, chunkStart + ARTICLES_PER_CHUNK);
      const rows = { articles: [] as Row[], revisions: [] as Row[], cited: [] as Row[], claims: [] as Row[], evidence: [] as Row[], audit: [] as Row[] };
      for (let a = chunkStart; a < chunkEnd; a++) {
        const id = articleStart + a;
        const revisionId = revisionStart + a;
        // Claims spread evenly: the first (claims % articles) articles get one more.
        const claimCount = Math.floor(sizes.claims / sizes.articles) + (a < sizes.claims % sizes.articles ? 1 : 0);
        const published = r.next() < 0.7;
        const author = editor();
        const title = headline(r);
        const publisher = publisherStart + r.int(publisherCount);
        const created = new Date(now - r.int(5 * 365) * 86_400_000).toISOString();
        rows.articles.push([id, `${slugWords(title)}-${id}`, title, `By ${personName(r)}`, publisher, `https://news-${publisher - publisherStart}.example/story/${id}`, created.slice(0, 10), published ? "published" : "draft", author, created, created]);
        rows.audit.push(["article", id, id, null, author, null, "article.imported", JSON.stringify({ title, status: published ? "published" : "draft" })]);
        // The body: paragraphs of filler with one checkable sentence each; claims point at those sentences.
        let body = `${title}.`;
        const spans: { start: number; end: number; speaker: string }[] = [];
        for (let p = 0; p < claimCount + 2; p++) {
          body += `\n\n${fillerSentence(r)} `;
          if (p < claimCount) {
            const { sentence, speaker } = claimSentence(r);
            spans.push({ start: body.length, end: body.length + sentence.length, speaker });
            body += sentence;
          } else body += fillerSentence(r);
          body += ` ${fillerSentence(r)}`;
        }
        rows.revisions.push([revisionId, id, body, author, "Imported", created]);
        rows.audit.push(["revision", revisionId, id, null, author, null, "revision.created", JSON.stringify({ note: "Imported", characters: body.length })]);
        rows.cited.push([id, sourceStart + r.int(sizes.sources), 0]);
        for (const span of spans) {
          const status = !published ? r.pick(["unchecked", "in_progress"] as const) : r.pick(["published", "published", "published", "in_review", "in_progress", "unchecked"] as const);
          const setter = editor();
          let reviewer = editor();
          if (reviewer === setter) reviewer = editors[(editors.indexOf(setter) + 1) % editors.length]!;
          const hasVerdict = status === "in_review" || status === "published";
          const exact = body.slice(span.start, span.end);
          rows.claims.push([
            claimId, id, revisionId, exact, body.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start), body.slice(span.end, span.end + CONTEXT_LENGTH), span.start, span.end,
            r.pick(CLAIM_KINDS), span.speaker, status, hasVerdict ? r.pick(VERDICTS) : null, hasVerdict ? r.pick(VERDICT_RATIONALES) : null,
            hasVerdict ? setter : null, hasVerdict ? created : null, status === "published" ? reviewer : null, status === "published" ? created : null,
            status === "unchecked" ? null : setter, author, created, created,
          ]);
          rows.audit.push(["claim", claimId, id, claimId, author, null, "claim.created", JSON.stringify({ exact, start: span.start, end: span.end })]);
          if (status !== "unchecked") {
            // One to three pieces of evidence from distinct sources (the live-evidence unique index wants that).
            const picked = new Set<number>();
            for (let e = 1 + r.int(3); e > 0; e--) picked.add(sourceStart + r.int(sizes.sources));
            for (const sourceId of picked) {
              rows.evidence.push([evidenceId, claimId, sourceId, r.pick(STANCES), "The relevant passage of the source.", `para ${1 + r.int(40)}`, setter, created, created]);
              rows.audit.push(["evidence", evidenceId, id, claimId, setter, null, "evidence.added", JSON.stringify({ evidenceId, sourceId })]);
              evidenceId++;
            }
          }
          if (hasVerdict) rows.audit.push(["claim", claimId, id, claimId, setter, null, "claim.verdict_set", JSON.stringify({ status: "in_review" })]);
          if (status === "published") rows.audit.push(["claim", claimId, id, claimId, reviewer, null, "claim.approved", JSON.stringify({ status: "published" })]);
          claimId++;
          claimsMade++;
        }
      }
      await sql.begin(async (tx) => {
        await copyRows(tx, articles, ["id", "slug", "title", "byline", "publisherId", "originalUrl", "publishedOn", "status", "createdBy", "createdAt", "updatedAt"], rows.articles);
        await copyRows(tx, articleRevisions, ["id", "articleId", "body", "authorId", "note", "createdAt"], rows.revisions);
        await tx.unsafe(`update articles set current_revision_id = id - ${articleStart - revisionStart} where id between ${articleStart + chunkStart} and ${articleStart + chunkEnd - 1}`);
        await copyRows(tx, articleSources, ["articleId", "sourceId", "position"], rows.cited);
        await copyRows(tx, claims, [
          "id", "articleId", "revisionId", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "kind", "speaker", "status", "verdict", "rationale",
          "verdictSetBy", "verdictSetAt", "reviewedBy", "publishedAt", "assigneeId", "createdBy", "createdAt", "updatedAt",
        ], rows.claims);
        await copyRows(tx, evidence, ["id", "claimId", "sourceId", "stance", "excerpt", "locator", "createdBy", "createdAt", "updatedAt"], rows.evidence);
        await copyRows(tx, auditEvents, auditKeys, rows.audit);
      });
      progress(`articles ${chunkEnd}/${sizes.articles} (${Math.round((100 * chunkEnd) / sizes.articles)}%), claims ${claimsMade}, evidence ${evidenceId - 1} (${elapsed()})`);
    }
    for (const table of [users, publishers, sources, articles, articleRevisions, claims, evidence]) {
      const name = getTableConfig(table).name;
      await sql.unsafe(`select setval(pg_get_serial_sequence('"${name}"', 'id'), (select max(id) from "${name}"))`);
    }
  } finally {
    // Rebuilt even when the load failed, so the database is never left without its indexes.
    await sql.unsafe(`set maintenance_work_mem = '256MB'`);
    for (const [i, definition] of indexes.entries()) {
      await sql.unsafe(definition);
      progress(`index ${i + 1}/${indexes.length}: ${definition.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON .*$/, "$2")} (${elapsed()})`);
    }
  }
  await sql.unsafe("vacuum analyze");
  progress(`done: vacuumed and analyzed (${elapsed()})`);
}

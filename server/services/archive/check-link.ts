import { eq, isNull, sql } from "drizzle-orm";
import { evidence, linkChecks, sourceLinkHealth, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { FRESH_STANDING, nextStanding, outcomeOf, type DeadRule, type LinkStanding } from "@/lib/sources/link-health";
import { canonicalizeUrl } from "@/lib/url/canonicalize";
import { FetchError, type Fetcher } from "../../fetch";
import { recordAudit } from "../audit/record-audit";
import type { PublicCache } from "../context";
import { JOB_ACTOR } from "./capture-source";
import { sourceLink } from "../source/source-link";

export interface LinkCheckDeps {
  db: Database;
  fetcher: Fetcher;
  rule: DeadRule;
  awaitHost?: (url: string) => Promise<void>;
  /** Expires readers' cached pages of the articles citing a source that went dead or came back. */
  publicCache?: PublicCache;
}

function sameDocument(sourceUrl: string, finalUrl: string): boolean {
  if (finalUrl === sourceUrl) return true;
  try {
    return canonicalizeUrl(finalUrl) === sourceUrl;
  } catch {
    return false;
  }
}

/** What the old link_status column of sources says, for the screens that read it. */
const LEGACY_STATUS = { ok: "ok", redirected: "redirected", failing: "ok", dead: "dead" } as const;

/**
 * Re-checks one source: records the check in the history and moves its standing (ok / redirected / failing /
 * dead) by the rule in lib/sources/link-health.ts. A body too large to read still proves the page is there.
 */
export async function checkSourceLink(deps: LinkCheckDeps, sourceId: number, now: () => Date = () => new Date()) {
  const [source] = await deps.db.select({ url: sourceLink, canonicalUrl: sources.canonicalUrl }).from(sources).where(eq(sources.id, sourceId));
  if (!source) return null;
  let check: { outcome: ReturnType<typeof outcomeOf>; httpStatus: number | null; finalUrl: string | null; error: string | null };
  try {
    await deps.awaitHost?.(source.url);
    const result = await deps.fetcher(source.url, { accept: ["*/*"], maxBytes: 2 * 1024 * 1024 });
    const outcome = outcomeOf({ status: result.status, sameDocument: sameDocument(source.canonicalUrl, result.url) });
    check = { outcome, httpStatus: result.status, finalUrl: result.url, error: outcome === "failed" ? `answered ${result.status}` : null };
  } catch (error) {
    if (error instanceof FetchError && error.kind === "too_large") check = { outcome: "ok", httpStatus: 200, finalUrl: source.canonicalUrl, error: null };
    else check = { outcome: "failed", httpStatus: null, finalUrl: null, error: error instanceof Error ? error.message : String(error) };
  }
  const at = now();
  const result = await deps.db.transaction(async (tx) => {
    const [previousRow] = await tx.select().from(sourceLinkHealth).where(eq(sourceLinkHealth.sourceId, sourceId)).for("update");
    const previous: LinkStanding = previousRow ?? FRESH_STANDING;
    const standing = nextStanding(previous, { outcome: check.outcome, finalUrl: check.finalUrl, at }, deps.rule);
    await tx.insert(linkChecks).values({ sourceId, ...check, checkedAt: at });
    const values = { ...standing, lastCheckedAt: at };
    await tx.insert(sourceLinkHealth).values({ sourceId, ...values }).onConflictDoUpdate({ target: sourceLinkHealth.sourceId, set: values });
    await tx.update(sources).set({ linkStatus: LEGACY_STATUS[standing.health] }).where(eq(sources.id, sourceId));
    // The history table keeps every check; the audit log only the changes of standing worth telling editors.
    const notable = (health: string | undefined) => health === "dead" || health === "redirected";
    if (previousRow?.health !== standing.health && (notable(standing.health) || notable(previousRow?.health))) {
      await recordAudit(tx, JOB_ACTOR, {
        action: "source.link_status_changed",
        entityId: sourceId,
        before: { health: previousRow?.health ?? null },
        after: { health: standing.health, redirectUrl: standing.redirectUrl },
      });
    }
    return { check, standing, deadChanged: (previousRow?.health === "dead") !== (standing.health === "dead") };
  });
  // Readers see "original unavailable" and the archived copy first: their cached pages must not wait an hour.
  if (result.deadChanged) await deps.publicCache?.changed({ sourceIds: [sourceId] });
  return result;
}

/**
 * The cited sources due for a check: never checked, or last checked longest ago, at most `limit` of them. A
 * sweep every hour taking total × hour / period of them re-checks every source once per period, evenly spread.
 */
export async function sourcesDueForCheck(db: Database, periodMs: number, sweepEveryMs: number): Promise<number[]> {
  const cited = db
    .selectDistinct({ sourceId: evidence.sourceId })
    .from(evidence)
    .where(isNull(evidence.deletedAt))
    .as("cited");
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(cited);
  const limit = Math.ceil((total * sweepEveryMs) / periodMs);
  if (limit === 0) return [];
  const due = new Date(Date.now() - periodMs + sweepEveryMs);
  const rows = await db
    .select({ sourceId: cited.sourceId })
    .from(cited)
    .leftJoin(sourceLinkHealth, eq(sourceLinkHealth.sourceId, cited.sourceId))
    .where(sql`${sourceLinkHealth.lastCheckedAt} is null or ${sourceLinkHealth.lastCheckedAt} <= ${due}`)
    .orderBy(sql`${sourceLinkHealth.lastCheckedAt} asc nulls first`)
    .limit(limit);
  return rows.map((r) => r.sourceId);
}


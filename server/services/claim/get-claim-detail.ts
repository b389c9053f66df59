import { and, asc, eq, isNull } from "drizzle-orm";
import { claims, evidence, publishers, sources } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan, reviewRefusal } from "../../policy";
import type { ServiceContext } from "../context";
import { archivesOf } from "../archive/capture-status";
import { readAuditHistory } from "../audit/audit-history";
import { evidenceLink } from "../source/source-link";

/** One claim for the workspace panel: its evidence (with each publisher's reliability) and full history. */
export async function getClaimDetail(ctx: ServiceContext, claimId: number) {
  assertCan(ctx.actor, "claim.read");
  const [claim] = await ctx.db.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt)));
  if (!claim) throw new NotFoundError("That claim");
  const [links, history] = await Promise.all([
    ctx.db
      .select({
        id: evidence.id,
        version: evidence.version,
        stance: evidence.stance,
        excerpt: evidence.excerpt,
        locator: evidence.locator,
        note: evidence.note,
        sourceId: sources.id,
        sourceUrl: evidenceLink,
        sourceTitle: sources.title,
        sourceType: sources.type,
        sourceAuthor: sources.author,
        sourcePublishedOn: sources.publishedOn,
        archivedUrl: sources.archivedUrl,
        publisherName: publishers.name,
        publisherRating: publishers.reliabilityRating,
      })
      .from(evidence)
      .innerJoin(sources, eq(sources.id, evidence.sourceId))
      .leftJoin(publishers, eq(publishers.id, sources.publisherId))
      .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt)))
      .orderBy(asc(evidence.id)),
    // The claim's own changes and its evidence's, oldest first.
    readAuditHistory(ctx.db, { claimId }),
  ]);
  const archives = await archivesOf(ctx.db, links.map((l) => l.sourceId));
  const withArchive = links.map((link) => {
    const archive = archives.get(link.sourceId);
    return {
      ...link,
      // Where the archived copy stands: editors watch it go from "archiving…" to "archived copy (captured …)".
      captureState: archive?.captureState ?? null,
      captureError: archive?.captureError ?? null,
      snapshot: archive?.snapshot ? { href: `/archive/${archive.snapshot.publicId}`, capturedAt: archive.snapshot.capturedAt } : null,
      linkHealth: archive?.linkHealth ?? null,
      redirectUrl: archive?.redirectUrl ?? null,
    };
  });
  return { claim, evidence: withArchive, history, reviewRefusal: claim.status === "in_review" ? reviewRefusal(ctx.actor, claim) : null };
}

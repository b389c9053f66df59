import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { articleRevisions, articles, claims, users } from "@/db/schema";
import type { Database } from "@/db/types";
import { reanchorRevision, type Anchor } from "@/lib/anchoring";
import { claimNotificationRecipients } from "@/lib/notifications/kinds";
import { normaliseEditedBody } from "@/lib/articles/edited-body";
import { formatDateTime } from "@/lib/text/format-date";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { type ClaimRow, updateLockedClaim } from "../claim/versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import type { Actor } from "../../actor";
import { rememberClaimsAfterCommit } from "../claim-memory/remember-claims";

export const editArticleInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  articleId: idInput,
  /** The article version the editor opened: a save on top of a colleague's is refused, not merged. */
  version: versionInput,
  // The same cap as an import (import-article.ts).
  body: z.string().max(1_000_000, "The text is over 1 MB; split it or trim it."),
  note: z.string().trim().max(300, "Keep the note under 300 characters.").optional(),
});

/** "… changed by Ana Rivera at 1 December 2026, 10:20 UTC …": who saved the revision a stale save would overwrite. */
async function staleArticleError(tx: Database, articleId: number, actor: Actor): Promise<ConflictError> {
  const [last] = await tx
    .select({ name: users.name, authorId: articleRevisions.authorId, at: articleRevisions.createdAt })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(1);
  // Never blame a colleague for the editor's own save (another tab, or a repeat sent without its idempotency key).
  if (last && actor.kind === "user" && last.authorId === actor.id) {
    return new ConflictError(`You saved this article at ${formatDateTime(last.at)}, after this page loaded it (in another tab?). Your text is kept below: copy it, reload, and apply your edit again.`);
  }
  const who = last ? `${last.name ?? "the system"} at ${formatDateTime(last.at)}` : "someone else";
  return new ConflictError(`This article was changed by ${who} after you opened it. Your text is kept below: copy it, reload, and apply your edit again.`);
}

function anchorOf(claim: ClaimRow): Anchor {
  return {
    quote: { type: "TextQuoteSelector", exact: claim.quoteExact, prefix: claim.quotePrefix, suffix: claim.quoteSuffix },
    position: { type: "TextPositionSelector", start: claim.positionStart, end: claim.positionEnd },
  };
}

function selectors(anchor: Anchor) {
  return {
    quoteExact: anchor.quote.exact,
    quotePrefix: anchor.quote.prefix,
    quoteSuffix: anchor.quote.suffix,
    positionStart: anchor.position.start,
    positionEnd: anchor.position.end,
  };
}

/**
 * Saves an edited body as a new immutable revision and carries every claim over to it in the same
 * transaction: same words → selectors moved; edited words → selectors on the edited words and a published
 * verdict back to review; words gone → orphaned (verdict and evidence kept) for an editor to re-attach.
 */
export async function editArticle(ctx: ServiceContext, rawInput: z.input<typeof editArticleInput>) {
  assertCan(ctx.actor, "article.edit");
  const input = editArticleInput.parse(rawInput);
  const body = normaliseEditedBody(input.body);
  if (body.length === 0) throw new InvalidInputError("The article text cannot be empty.");
  const authorId = ctx.actor.kind === "user" ? ctx.actor.id : null;

  const result = await runIdempotent(ctx, "article.edit", input.idempotencyKey, async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, version: articles.version, status: articles.status, revisionId: articles.currentRevisionId })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .for("update");
    if (!article || article.revisionId === null) throw new NotFoundError("That article");
    if (article.version !== input.version) throw await staleArticleError(tx, article.id, ctx.actor);
    const [old] = await tx.select({ body: articleRevisions.body }).from(articleRevisions).where(eq(articleRevisions.id, article.revisionId));
    if (!old) throw new Error(`article ${article.id} has no current revision row`);
    if (old.body === body) return { articleId: article.id, revisionId: article.revisionId, version: article.version, changed: false, states: [] };

    const [revision] = await tx
      .insert(articleRevisions)
      .values({ articleId: article.id, body, authorId, note: input.note || null })
      .returning({ id: articleRevisions.id });
    if (!revision) throw new Error("revision insert returned no row");
    const [updated] = await tx
      .update(articles)
      .set({ currentRevisionId: revision.id, version: sql`${articles.version} + 1`, updatedAt: new Date() })
      .where(eq(articles.id, article.id))
      .returning({ version: articles.version });
    if (!updated) throw new Error("article vanished while locked");
    await recordAudit(tx, ctx.actor, {
      action: "revision.created",
      entityId: revision.id,
      articleId: article.id,
      before: { revisionId: article.revisionId, characters: old.body.length },
      after: { revisionId: revision.id, characters: body.length, note: input.note || null },
    });

    // Orphaned claims already lost their words; their selectors keep describing the revision they came from.
    const live = await tx
      .select()
      .from(claims)
      .where(and(eq(claims.articleId, article.id), isNull(claims.deletedAt), ne(claims.anchorState, "orphaned")))
      .orderBy(claims.id)
      .for("update");
    const outcomes = reanchorRevision(old.body, body, live.map(anchorOf));
    const states: { claimId: number; state: string }[] = [];
    for (const [i, claim] of live.entries()) {
      const outcome = outcomes[i];
      if (!outcome) throw new Error("reanchorRevision returned fewer results than claims");
      states.push({ claimId: claim.id, state: outcome.state });
      const before = { exact: claim.quoteExact, start: claim.positionStart, end: claim.positionEnd, anchorState: claim.anchorState, status: claim.status };
      if (outcome.state === "anchored") {
        // Same words: moving the selectors is bookkeeping, so an editor's open claim form stays valid (no version bump).
        await tx.update(claims).set({ ...selectors(outcome.anchor), revisionId: revision.id, anchorState: "anchored" }).where(eq(claims.id, claim.id));
        const moved = outcome.anchor.position.start !== claim.positionStart || outcome.anchor.position.end !== claim.positionEnd || outcome.anchor.quote.exact !== claim.quoteExact;
        if (moved || claim.anchorState !== "anchored") {
          await recordAudit(tx, ctx.actor, {
            action: "claim.reanchored",
            entityId: claim.id,
            articleId: article.id,
            before,
            after: { exact: outcome.anchor.quote.exact, start: outcome.anchor.position.start, end: outcome.anchor.position.end, anchorState: "anchored", revisionId: revision.id },
          });
        }
      } else if (outcome.state === "changed") {
        // A verdict on other words is not a verdict on these: published goes back to review (publishedAt kept, so readers see "under review").
        const status = claim.status === "published" ? "in_review" : claim.status;
        const next = await updateLockedClaim(tx, claim, {
          ...selectors(outcome.anchor),
          revisionId: revision.id,
          anchorState: "changed",
          status,
          reviewedBy: status === claim.status ? claim.reviewedBy : null,
        });
        await recordAudit(tx, ctx.actor, {
          action: "claim.anchor_changed",
          entityId: claim.id,
          articleId: article.id,
          before,
          after: { exact: next.quoteExact, start: next.positionStart, end: next.positionEnd, anchorState: next.anchorState, status: next.status, revisionId: revision.id },
          notify: claimNotificationRecipients("claim.anchor_changed", next, authorId),
        });
      } else {
        const next = await updateLockedClaim(tx, claim, { anchorState: "orphaned" });
        await recordAudit(tx, ctx.actor, {
          action: "claim.orphaned",
          entityId: claim.id,
          articleId: article.id,
          before,
          after: { anchorState: next.anchorState, revisionId: revision.id },
          notify: claimNotificationRecipients("claim.orphaned", next, authorId),
        });
      }
    }
    return { articleId: article.id, revisionId: revision.id, version: updated.version, changed: true, states };
  });
  if (result.changed) {
    await ctx.publicCache?.changed({ articleIds: [result.articleId] });
    await rememberClaimsAfterCommit(ctx, result.articleId);
  }
  return result;
}

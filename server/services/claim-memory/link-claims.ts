import { and, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { claimGroups, claims } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import { groupArticleIds, groupMembers, setGroup } from "./claim-groups";
import type { Database } from "@/db/types";
import type { Actor } from "../../actor";

export const linkClaimsInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  /** The claim of another article that says the same thing. */
  sameAsClaimId: idInput,
});

/**
 * Links two claims of different articles as the same claim: both end up in one group (a new one, the one either
 * already has, or, when both have groups, the two merged). Each claim's history records the link.
 */
export async function linkClaims(ctx: ServiceContext, rawInput: z.input<typeof linkClaimsInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = linkClaimsInput.parse(rawInput);
  const linked = await runIdempotent(ctx, "claim.link", input.idempotencyKey, (tx) => linkInTransaction(tx, ctx.actor, input.claimId, input.sameAsClaimId));
  await ctx.publicCache?.changed({ articleIds: await groupArticleIds(ctx.db, [linked.groupId]) });
  return linked;
}

/** The link itself, for services that link inside their own transaction (accepting a suggestion). */
export async function linkInTransaction(tx: Database, actor: Actor, claimId: number, sameAsClaimId: number) {
  if (claimId === sameAsClaimId) throw new InvalidInputError("A claim cannot be linked to itself. Pick the claim of another article.");
  const pair = await tx
    .select({ id: claims.id, articleId: claims.articleId, groupId: claims.groupId })
    .from(claims)
    .where(and(inArray(claims.id, [claimId, sameAsClaimId]), isNull(claims.deletedAt)))
    .orderBy(claims.id)
    .for("update");
  const claim = pair.find((c) => c.id === claimId);
  const other = pair.find((c) => c.id === sameAsClaimId);
  if (!claim || !other) throw new NotFoundError("That claim");
  if (claim.articleId === other.articleId) {
    throw new InvalidInputError("Both claims are in the same article. Link a claim to the same claim in another article.");
  }
  if (claim.groupId !== null && claim.groupId === other.groupId) return { claimId, sameAsClaimId, groupId: claim.groupId, changed: false };

  let groupId = other.groupId ?? claim.groupId;
  if (groupId === null) {
    const [group] = await tx.insert(claimGroups).values({ createdBy: actor.kind === "user" ? actor.id : null }).returning({ id: claimGroups.id });
    if (!group) throw new Error("claim group insert returned no row");
    groupId = group.id;
  }
  // Whatever group the claim was in comes along: linking is transitive.
  const moving = claim.groupId !== null && claim.groupId !== groupId ? await groupMembers(tx, claim.groupId) : [claim];
  await setGroup(tx, [...moving, other].map((c) => c.id), groupId);
  // Both sides' histories say what they were linked to, even when one side's group stayed the same.
  for (const member of [...moving, other]) {
    await recordAudit(tx, actor, {
      action: "claim.linked",
      entityId: member.id,
      articleId: member.articleId,
      before: { groupId: member.id === other.id ? other.groupId : claim.groupId },
      after: { groupId, sameAsClaimId: member.id === other.id ? claimId : sameAsClaimId },
    });
  }
  return { claimId, sameAsClaimId, groupId, changed: true };
}

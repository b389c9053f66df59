import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import { groupArticleIds, groupMembers, setGroup } from "./claim-groups";

export const unlinkClaimInput = z.object({ idempotencyKey: idempotencyKeyInput, claimId: idInput });

/**
 * Takes a claim out of its same-claim group. The last claim left alone in a group is not linked to anything,
 * so it leaves the group too (and its history says so). A verdict reused from the group stays: it was reviewed.
 */
export async function unlinkClaim(ctx: ServiceContext, rawInput: z.input<typeof unlinkClaimInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = unlinkClaimInput.parse(rawInput);
  const result = await runIdempotent(ctx, "claim.unlink", input.idempotencyKey, async (tx) => {
    const [claim] = await tx
      .select({ id: claims.id, articleId: claims.articleId, groupId: claims.groupId })
      .from(claims)
      .where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt)))
      .for("update");
    if (!claim) throw new NotFoundError("That claim");
    if (claim.groupId === null) throw new InvalidInputError("This claim is not linked to any other claim.");
    const groupId = claim.groupId;
    const rest = await groupMembers(tx, groupId, claim.id);
    const leaving = rest.length === 1 ? [claim, ...rest] : [claim];
    await setGroup(tx, leaving.map((c) => c.id), null);
    for (const member of leaving) {
      await recordAudit(tx, ctx.actor, {
        action: "claim.unlinked",
        entityId: member.id,
        articleId: member.articleId,
        before: { groupId },
        after: { groupId: null, ...(member.id === claim.id ? {} : { unlinkedClaimId: claim.id }) },
      });
    }
    return { claimId: claim.id, groupId };
  });
  // The unlinked claim's own article no longer carries the group.
  const [own] = await ctx.db.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, result.claimId));
  await ctx.publicCache?.changed({ articleIds: [...(await groupArticleIds(ctx.db, [result.groupId])), ...(own ? [own.articleId] : [])], claimIds: [result.claimId] });
  return result;
}

import { z } from "zod";
import { assignClaim, assignClaimInput } from "../services/claim/assign-claim";
import { changeClaimStatus, changeStatusInput } from "../services/claim/change-status";
import { idInput } from "../services/ids";
import { deleteClaim, deleteClaimInput, restoreClaim, restoreClaimInput } from "../services/claim/delete-claim";
import { getClaimDetail } from "../services/claim/get-claim-detail";
import { getWorkspace } from "../services/claim/get-workspace";
import { markClaim, markClaimInput } from "../services/claim/mark-claim";
import { listDeletedClaims } from "../services/claim/list-deleted-claims";
import { getMyQueue } from "../services/claim/my-queue";
import { reattachClaim, reattachClaimInput } from "../services/claim/reattach-claim";
import { reviewVerdict, reviewVerdictInput } from "../services/claim/review-verdict";
import { setVerdict, setVerdictInput } from "../services/claim/set-verdict";
import { updateClaim, updateClaimInput } from "../services/claim/update-claim";
import { linkClaims, linkClaimsInput } from "../services/claim-memory/link-claims";
import { reuseVerdict, reuseVerdictInput } from "../services/claim-memory/reuse-verdict";
import { getSimilarClaims, similarClaimsInput } from "../services/claim-memory/similar-claims";
import {
  acceptSuggestion,
  acceptSuggestionInput,
  dismissSuggestion,
  dismissSuggestionInput,
  listSuggestions,
} from "../services/claim-memory/suggestions";
import { unlinkClaim, unlinkClaimInput } from "../services/claim-memory/unlink-claim";
import { adminProcedure, createTRPCRouter, editorProcedure } from "../trpc/init";

export const claimRouter = createTRPCRouter({
  workspace: editorProcedure.input(z.object({ articleId: idInput })).query(({ ctx, input }) => getWorkspace(ctx, input.articleId)),
  detail: editorProcedure.input(z.object({ claimId: idInput })).query(({ ctx, input }) => getClaimDetail(ctx, input.claimId)),
  myQueue: editorProcedure.query(({ ctx }) => getMyQueue(ctx)),
  listDeleted: adminProcedure.input(z.object({ articleId: idInput })).query(({ ctx, input }) => listDeletedClaims(ctx, input.articleId)),
  mark: editorProcedure.input(markClaimInput).mutation(({ ctx, input }) => markClaim(ctx, input)),
  update: editorProcedure.input(updateClaimInput).mutation(({ ctx, input }) => updateClaim(ctx, input)),
  setVerdict: editorProcedure.input(setVerdictInput).mutation(({ ctx, input }) => setVerdict(ctx, input)),
  changeStatus: editorProcedure.input(changeStatusInput).mutation(({ ctx, input }) => changeClaimStatus(ctx, input)),
  review: editorProcedure.input(reviewVerdictInput).mutation(({ ctx, input }) => reviewVerdict(ctx, input)),
  assign: editorProcedure.input(assignClaimInput).mutation(({ ctx, input }) => assignClaim(ctx, input)),
  delete: editorProcedure.input(deleteClaimInput).mutation(({ ctx, input }) => deleteClaim(ctx, input)),
  reattach: editorProcedure.input(reattachClaimInput).mutation(({ ctx, input }) => reattachClaim(ctx, input)),
  similar: editorProcedure.input(similarClaimsInput).query(({ ctx, input }) => getSimilarClaims(ctx, input)),
  link: editorProcedure.input(linkClaimsInput).mutation(({ ctx, input }) => linkClaims(ctx, input)),
  unlink: editorProcedure.input(unlinkClaimInput).mutation(({ ctx, input }) => unlinkClaim(ctx, input)),
  reuseVerdict: editorProcedure.input(reuseVerdictInput).mutation(({ ctx, input }) => reuseVerdict(ctx, input)),
  suggestions: editorProcedure.input(z.object({ articleId: idInput })).query(({ ctx, input }) => listSuggestions(ctx, input.articleId)),
  acceptSuggestion: editorProcedure.input(acceptSuggestionInput).mutation(({ ctx, input }) => acceptSuggestion(ctx, input)),
  dismissSuggestion: editorProcedure.input(dismissSuggestionInput).mutation(({ ctx, input }) => dismissSuggestion(ctx, input)),
  restore: adminProcedure.input(restoreClaimInput).mutation(({ ctx, input }) => restoreClaim(ctx, input)),
});

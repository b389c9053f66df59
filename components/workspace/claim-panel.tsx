"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { StatusChip } from "@/components/verdict/status-chip";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { AssigneeField } from "./assignee-field";
import { ClaimDetailsForm } from "./claim-details-form";
import { ClaimHistory } from "./claim-history";
import { ConflictBanner } from "./conflict-banner";
import { DeleteClaimButton } from "./delete-claim-button";
import { ErrorAlert } from "./error-alert";
import { EvidenceSection } from "./evidence-section";
import { secondaryButtonClass } from "./form-styles";
import { ReviewSection } from "./review-section";
import { SameClaimSection } from "./same-claim-section";
import { StatusSection } from "./status-section";
import { errorMessage } from "./trpc-error";
import type { CurrentEditor, Editor } from "./types";
import { useClaimSaver } from "./use-claim-saver";
import { VerdictForm } from "./verdict-form";

/** Everything about the selected claim. The parent keys it by claim id, so no state leaks between claims. */
export function ClaimPanel({
  claimId,
  articleId,
  me,
  editors,
  announce,
  statusMenuRequest,
  onDeleted,
  revealWhenLoaded = false,
}: {
  claimId: number;
  articleId: number;
  me: CurrentEditor;
  editors: readonly Editor[];
  announce: (message: string) => void;
  /** Bumped by the `s` shortcut; the panel opens its status dialog when it changes. */
  statusMenuRequest: number;
  onDeleted: () => void;
  /**
   * Opened from a link to this claim: on a phone the page scrolls to the panel once its details are in. Not
   * before: while it still says "Loading…" the page is too short to scroll that far.
   */
  revealWhenLoaded?: boolean;
}) {
  const trpc = useTRPC();
  const detailQuery = useQuery({
    ...trpc.claim.detail.queryOptions({ claimId }),
    // While an archived copy is being made, look again every few seconds so "archiving…" turns into "archived copy (captured …)".
    refetchInterval: (query) =>
      query.state.data?.evidence.some((e) => e.captureState === "queued" || e.captureState === "capturing") ? 3000 : false,
  });
  const detail = detailQuery.data;
  const saver = useClaimSaver({ claimId, articleId, announce });
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);
  if (detail && saver.seenVersion === null) saver.initVersion(detail.claim.version);
  const revealed = useRef(false);
  const loaded = detail !== undefined;
  useEffect(() => {
    if (!loaded || !revealWhenLoaded || revealed.current) return;
    revealed.current = true;
    if (!window.matchMedia("(min-width: 1024px)").matches) document.getElementById("claim-details-heading")?.scrollIntoView({ block: "start" });
  }, [loaded, revealWhenLoaded]);

  async function reload() {
    setReloading(true);
    const fresh = await detailQuery.refetch();
    if (fresh.data) saver.adoptVersion(fresh.data.claim.version);
    setGeneration((g) => g + 1);
    saver.clearConflict();
    await saver.refreshLists();
    setReloading(false);
    announce("Reloaded: the panel shows the latest saved version.");
  }

  return (
    <section aria-labelledby="claim-details-heading" className="space-y-5">
      <h2 id="claim-details-heading" className="text-base font-semibold">
        Claim details
      </h2>
      {detailQuery.isPending && <p className="text-sm text-quiet">Loading the claim…</p>}
      {detailQuery.isError && (
        <ErrorAlert message={errorMessage(detailQuery.error)}>
          <button type="button" onClick={() => detailQuery.refetch()} className={secondaryButtonClass}>
            Try again
          </button>
        </ErrorAlert>
      )}
      {detail && saver.seenVersion !== null && (
        <>
          <ConflictBanner
            conflict={saver.conflict}
            changedSinceSeen={detail.claim.version > saver.seenVersion}
            reloading={reloading}
            onReload={reload}
          />
          <div>
            <div className="flex flex-wrap items-center gap-1.5">
              <StatusChip status={detail.claim.status} />
              <VerdictBadge verdict={detail.claim.verdict} size="md" />
            </div>
            <blockquote className="mt-2 border-l-4 border-[#d4a72c] pl-3 font-serif text-[16px] leading-snug">{detail.claim.quoteExact}</blockquote>
          </div>
          <StatusSection detail={detail} save={saver.save} openRequest={statusMenuRequest} />
          <ReviewSection detail={detail} save={saver.save} />
          <SameClaimSection detail={detail} save={saver.save} onVerdictReused={() => setGeneration((g) => g + 1)} />
          <VerdictForm detail={detail} generation={generation} save={saver.save} />
          <EvidenceSection detail={detail} save={saver.save} canManageSources={me.canManageSources === true} />
          <ClaimDetailsForm detail={detail} generation={generation} save={saver.save} />
          <AssigneeField detail={detail} editors={editors} me={me} save={saver.save} />
          <ClaimHistory history={detail.history} editors={editors} />
          <DeleteClaimButton detail={detail} save={saver.save} onDeleted={onDeleted} />
        </>
      )}
    </section>
  );
}

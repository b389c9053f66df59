"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { ClaimKind } from "@/lib/claims/workflow";
import { assignLanes, markWarnings } from "@/lib/anchoring/overlaps";
import { splitParagraphs } from "@/lib/text/paragraphs";
import { AlreadyCheckedList } from "./already-checked-list";
import { ArticleBody } from "./article-body";
import { DeletedClaims } from "./deleted-claims";
import { DETAILS_FIRST_FIELD_ID } from "./claim-details-form";
import { NO_FILTERS, filterClaims, isFiltering } from "./claim-filters";
import { ClaimFiltersBar } from "./claim-filters-bar";
import { ClaimList } from "./claim-list";
import { ClaimPanel } from "./claim-panel";
import { MarkClaimDialog, type MarkTarget } from "./mark-claim-dialog";
import { OrphanList } from "./orphan-list";
import { PaneTabs, panePanelId, paneTabId, useNarrowScreen, type WorkspacePane } from "./pane-tabs";
import { ShortcutsDialog } from "./shortcuts-dialog";
import type { CurrentEditor, SelectionOrigin, WorkspaceData } from "./types";
import { useBodySelection } from "./use-body-selection";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useRevealSelection, type ClaimSelection } from "./use-reveal-selection";
import { useStatusMessage } from "./use-status-message";
import { WorkspaceToolbar } from "./workspace-toolbar";

/** The editor workspace: article text with highlights, the claim list and the selected claim's panel. */
export function Workspace({
  articleId,
  initialData,
  initialClaimId,
  me,
}: {
  articleId: number;
  initialData: WorkspaceData;
  initialClaimId: number | null;
  me: CurrentEditor;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspaceQuery = useQuery(trpc.claim.workspace.queryOptions({ articleId }, { initialData }));
  const { article, claims } = workspaceQuery.data;
  const editors = useQuery(trpc.user.editors.queryOptions()).data ?? [];
  const paragraphs = useMemo(() => splitParagraphs(article.body), [article.body]);
  // Claims whose words are no longer found are listed (flagged) but cannot be highlighted.
  // Each gets a lane (tint and underline depth) no overlapping claim shares, so overlaps stay visible.
  const spans = useMemo(() => {
    const placed = claims.filter((c) => c.anchorState !== "orphaned" && c.end <= article.body.length).map((c) => ({ id: c.id, start: c.start, end: c.end }));
    const lanes = assignLanes(placed);
    return placed.map((s) => ({ ...s, lane: lanes.get(s.id) ?? 0 }));
  }, [claims, article.body.length]);
  const speakers = useMemo(() => [...new Set(claims.map((c) => c.speaker).filter((s): s is string => !!s))].sort(), [claims]);

  const [filters, setFilters] = useState(NO_FILTERS);
  const visibleClaims = filterClaims(claims, filters, me.id);
  const [selection, setSelection] = useState<ClaimSelection | null>(initialClaimId === null ? null : { id: initialClaimId, origin: "link", nonce: 0 });
  const selectedId = selection && claims.some((c) => c.id === selection.id) ? selection.id : null;
  // Narrow screens show one pane at a time: a link to a claim opens on its panel.
  const narrow = useNarrowScreen();
  const [pane, setPane] = useState<WorkspacePane>(initialClaimId === null ? "text" : "claims");
  const select = (id: number, origin: SelectionOrigin) => {
    setSelection((s) => ({ id, origin, nonce: (s?.nonce ?? 0) + 1 }));
    setPane("claims");
  };
  const panel = (which: WorkspacePane) => ({
    ...(narrow ? { role: "tabpanel", id: panePanelId(which), "aria-labelledby": paneTabId(which) } : {}),
    className: pane === which ? "min-w-0" : "min-w-0 max-lg:hidden",
  });

  const containerRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  useRevealSelection(selection, textRef);
  const { selection: textSelection, readSelection, clearSelection } = useBodySelection(textRef, containerRef, article.body);
  const { message, announce } = useStatusMessage();
  const [markTarget, setMarkTarget] = useState<MarkTarget | null>(null);
  const [lastKind, setLastKind] = useState<ClaimKind | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [statusMenuRequest, setStatusMenuRequest] = useState(0);

  function openMarkDialog() {
    const current = readSelection();
    if (!current) return announce("Select some words in the article first, then press c.");
    const warnings = markWarnings(current.snappedStart, current.snappedEnd, paragraphs, spans);
    const overlaps = warnings.overlapping.map((id) => claims.find((c) => c.id === id)?.exact).filter((w): w is string => w !== undefined);
    setMarkTarget({ selection: current, articleId, revisionId: article.revisionId, body: article.body, crossesParagraphs: warnings.crossesParagraphs, overlaps });
  }

  async function onMarked(claimId: number, kind: ClaimKind) {
    setLastKind(kind);
    setMarkTarget(null);
    clearSelection();
    const nonceWhenMarked = selection?.nonce ?? 0;
    // Wait for the list to contain the new claim, so selecting it can scroll to and focus its card; but
    // if the editor has selected another claim meanwhile, their choice wins.
    await queryClient.invalidateQueries({ queryKey: trpc.claim.workspace.queryKey({ articleId }) });
    setSelection((s) => ((s?.nonce ?? 0) === nonceWhenMarked ? { id: claimId, origin: "marked", nonce: nonceWhenMarked + 1 } : s));
    announce("Saved: claim marked.");
  }

  function step(delta: 1 | -1) {
    if (visibleClaims.length === 0) return announce(isFiltering(filters) ? "No claim matches these filters." : "No claims yet.");
    const index = visibleClaims.findIndex((c) => c.id === selectedId);
    const target = index === -1 ? visibleClaims.at(delta > 0 ? 0 : -1) : visibleClaims[Math.min(Math.max(index + delta, 0), visibleClaims.length - 1)];
    if (target) select(target.id, "keyboard");
  }

  function requireSelectedClaim(then: () => void) {
    if (selectedId === null) return announce("Select a claim first: click it, or press j.");
    then();
  }

  useKeyboardShortcuts({
    j: () => step(1),
    k: () => step(-1),
    c: openMarkDialog,
    "?": () => setShortcutsOpen(true),
    e: () =>
      requireSelectedClaim(() => {
        const field = document.getElementById(DETAILS_FIRST_FIELD_ID);
        field?.focus({ preventScroll: true });
        field?.scrollIntoView({ block: "center" });
      }),
    s: () => requireSelectedClaim(() => setStatusMenuRequest((n) => n + 1)),
  });

  // Re-attaching needs a selection in the text: on a phone, where only one pane shows at a time, the list
  // sits above the text, so the words and the button are on the same pane.
  const orphanList = (
    <OrphanList
      orphans={claims.filter((c) => c.anchorState === "orphaned")}
      revisionId={article.revisionId}
      readSelection={readSelection}
      onReattached={async (claimId) => {
        clearSelection();
        await queryClient.invalidateQueries({ queryKey: trpc.claim.workspace.queryKey({ articleId }) });
        select(claimId, "marked");
        announce("Saved: claim re-attached; it goes back to review if it was published.");
      }}
    />
  );

  return (
    // Up to 1800 px the workspace keeps the header's measure (max-w-5xl, px-4), so both edges line up;
    // wider screens get the three-column layout across the full width.
    <div className="mx-auto max-w-5xl px-4 py-4 min-[1800px]:max-w-none min-[1800px]:px-6">
      <WorkspaceToolbar articleId={articleId} articleSlug={article.slug} onShowShortcuts={() => setShortcutsOpen(true)} />
      <div className="sticky top-0 z-20 -mx-4 bg-white px-4 lg:static lg:m-0 lg:p-0">
        <PaneTabs pane={pane} onChange={setPane} claimCount={claims.length} />
        {/* Always in the DOM: a live region that appears with its message is often not announced. Its own
            line under the tabs on a phone, and over the (read-only) text column on wide screens: never
            on top of a form field. */}
        <div role="status" aria-live="polite" className="min-h-7 py-1 text-sm lg:pointer-events-none lg:fixed lg:bottom-4 lg:left-6 lg:z-30 lg:min-h-0 lg:py-0">
          {message && <span className="text-quiet lg:rounded lg:bg-ink lg:px-3 lg:py-1.5 lg:text-white lg:shadow-lg">{message}</span>}
        </div>
      </div>
      <div className="mt-2 grid gap-8 lg:mt-5 lg:grid-cols-[minmax(0,1fr)_minmax(24rem,26rem)] min-[1800px]:grid-cols-[minmax(0,42rem)_minmax(0,1fr)]">
        <div {...panel("text")}>
        {narrow && <div className="mb-4">{orphanList}</div>}
        <ArticleBody
          title={article.title}
          paragraphs={paragraphs}
          spans={spans}
          selectedClaimId={selectedId}
          onSelectClaim={(id) => select(id, "body")}
          selection={markTarget ? null : textSelection}
          onMarkRequest={openMarkDialog}
          containerRef={containerRef}
          textRef={textRef}
        />
        </div>
        <div {...panel("claims")}>
        <div className="min-w-0 lg:sticky lg:top-0 lg:max-h-screen lg:self-start lg:overflow-y-auto lg:pb-6 min-[1800px]:grid min-[1800px]:grid-cols-[minmax(22rem,26rem)_minmax(0,1fr)] min-[1800px]:gap-6 min-[1800px]:overflow-visible">
          <section aria-labelledby="claims-heading" className="min-w-0 space-y-3 min-[1800px]:max-h-screen min-[1800px]:overflow-y-auto min-[1800px]:pb-6">
            <h2 id="claims-heading" className="text-base font-semibold">
              Claims{" "}
              <span className="font-normal text-quiet">
                ({isFiltering(filters) ? `${visibleClaims.length} of ${claims.length}` : claims.length})
              </span>
            </h2>
            <AlreadyCheckedList
              articleId={articleId}
              startFolded={initialClaimId !== null}
              announce={announce}
              onAccepted={async (claimId) => {
                await queryClient.invalidateQueries({ queryKey: trpc.claim.workspace.queryKey({ articleId }) });
                select(claimId, "marked");
              }}
            />
            {!narrow && orphanList}
            <ClaimFiltersBar filters={filters} onChange={setFilters} editors={editors} meId={me.id} />
            <div className="max-h-[50vh] overflow-y-auto p-0.5 min-[1800px]:max-h-none min-[1800px]:overflow-visible">
              <ClaimList claims={visibleClaims} totalCount={claims.length} selectedClaimId={selectedId} onSelect={(id) => select(id, "list")} />
            </div>
            {me.canRestoreClaims && (
              <DeletedClaims
                articleId={articleId}
                onRestored={async (claimId) => {
                  await queryClient.invalidateQueries({ queryKey: trpc.claim.workspace.queryKey({ articleId }) });
                  select(claimId, "marked");
                  announce("Restored: the claim is back in the list.");
                }}
              />
            )}
          </section>
          <div className="mt-6 min-w-0 border-t border-rule pt-4 min-[1800px]:mt-0 min-[1800px]:max-h-screen min-[1800px]:overflow-y-auto min-[1800px]:border-t-0 min-[1800px]:pt-0 min-[1800px]:pb-6">
            {selectedId === null ? (
              <section aria-labelledby="claim-details-heading">
                <h2 id="claim-details-heading" className="text-base font-semibold">
                  Claim details
                </h2>
                <p className="mt-2 text-sm text-quiet">Select a claim in the list or the text (j/k), or mark a new one (c).</p>
              </section>
            ) : (
              <ClaimPanel
                key={selectedId}
                claimId={selectedId}
                articleId={articleId}
                me={me}
                editors={editors}
                announce={announce}
                statusMenuRequest={statusMenuRequest}
                revealWhenLoaded={selection?.origin === "link"}
                onDeleted={() => {
                  setSelection(null);
                  // An admin sees the claim appear among the deleted ones, ready to restore.
                  if (me.canRestoreClaims) void queryClient.invalidateQueries({ queryKey: trpc.claim.listDeleted.queryKey({ articleId }) });
                }}
              />
            )}
          </div>
        </div>
        </div>
      </div>
      <MarkClaimDialog
        target={markTarget}
        onClose={() => setMarkTarget(null)}
        onMarked={onMarked}
        onReloadArticle={() => {
          setMarkTarget(null);
          void workspaceQuery.refetch();
        }}
        lastKind={lastKind}
        speakers={speakers}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

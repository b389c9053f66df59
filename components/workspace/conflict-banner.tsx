import { secondaryButtonClass } from "./form-styles";

/**
 * Shown when a save was refused as stale (role=alert, with the server's "changed by X at T" message) or,
 * more gently, when a background refresh shows the claim changed since the editor opened it.
 * Reload takes the newer version; forms with unsaved edits keep them (see useDraft).
 */
export function ConflictBanner({
  conflict,
  changedSinceSeen,
  reloading,
  onReload,
}: {
  conflict: string | null;
  changedSinceSeen: boolean;
  reloading: boolean;
  onReload: () => void;
}) {
  if (!conflict && !changedSinceSeen) return null;
  const reloadButton = (
    <button type="button" onClick={onReload} disabled={reloading} className={secondaryButtonClass}>
      {reloading ? "Reloading…" : "Reload"}
    </button>
  );
  if (conflict) {
    return (
      <div role="alert" className="rounded border border-[#d4a72c] bg-[#fff8c5] px-3 py-2 text-sm text-[#7d4e00]">
        <p className="font-medium">Not saved: {conflict}</p>
        <div className="mt-2">{reloadButton}</div>
      </div>
    );
  }
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded border border-rule bg-wash px-3 py-2 text-sm">
      <p>Someone else changed this claim after you opened it. Reload to see their change before saving.</p>
      {reloadButton}
    </div>
  );
}

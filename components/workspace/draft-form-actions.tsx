import { primaryButtonClass, secondaryButtonClass } from "./form-styles";

/** Save and "Discard changes" under a draft form (see use-draft.ts): typed text is never thrown away silently. */
export function DraftFormActions({ label, pending, dirty, onDiscard }: { label: string; pending: boolean; dirty: boolean; onDiscard: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="submit" disabled={pending || !dirty} className={primaryButtonClass}>
        {pending ? "Saving…" : label}
      </button>
      {dirty && (
        <>
          <button type="button" onClick={onDiscard} className={secondaryButtonClass}>
            Discard changes
          </button>
          <span className="text-xs text-[#7d4e00]">Unsaved changes</span>
        </>
      )}
    </div>
  );
}

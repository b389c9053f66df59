import { secondaryButtonClass } from "./form-styles";

export interface KeptField {
  label: string;
  /** The editor's unsaved value, and the saved one now in the form. */
  mine: string;
  saved: string;
}

/**
 * After a conflict and Reload, the form shows what the colleague saved; this box beside it holds what
 * the editor had typed, field by field where they differ, with a way to put it back into the form.
 */
export function KeptDraft({ fields, onRestore, onDismiss }: { fields: readonly KeptField[]; onRestore: () => void; onDismiss: () => void }) {
  const changed = fields.filter((field) => field.mine !== field.saved);
  if (changed.length === 0) return null;
  return (
    <section aria-label="Your unsaved version" className="rounded border border-[#d4a72c] bg-[#fff8c5] px-3 py-2 text-sm">
      <p className="font-medium text-[#7d4e00]">The form now shows the saved version. Your unsaved version:</p>
      <dl className="mt-1 space-y-1">
        {changed.map((field) => (
          <div key={field.label}>
            <dt className="text-xs font-semibold">{field.label}</dt>
            <dd className="whitespace-pre-line [overflow-wrap:anywhere]">{field.mine || "(empty)"}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={onRestore} className={secondaryButtonClass}>
          Use my version
        </button>
        <button type="button" onClick={onDismiss} className={secondaryButtonClass}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

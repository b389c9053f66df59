import { ModalDialog } from "./modal-dialog";

const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: "j", action: "Next claim (in text order, within the filters)" },
  { keys: "k", action: "Previous claim" },
  { keys: "c", action: "Mark the selected text as a claim" },
  { keys: "e", action: "Edit the selected claim's details" },
  { keys: "s", action: "Change the selected claim's status" },
  { keys: "?", action: "Show these shortcuts" },
  { keys: "Esc", action: "Close a dialog" },
];

/** The `?` dialog. Shortcuts never fire while typing in a field or with Ctrl, Cmd or Alt held. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts" description="They work whenever you are not typing in a field.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="contents">
            <dt>
              <kbd className="rounded border border-rule bg-wash px-1.5 py-0.5 font-mono text-xs">{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <button type="button" data-autofocus onClick={onClose} className="rounded border border-rule px-3 py-1.5 text-sm hover:bg-wash">
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

import Link from "next/link";

/** Links out of the workspace, the shortcut help and the quiet status line (role=status). */
export function WorkspaceToolbar({ articleId, articleSlug, onShowShortcuts }: { articleId: number; articleSlug: string; onShowShortcuts: () => void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-rule pb-3 text-sm">
      <nav aria-label="Workspace" className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
        <Link href="/queue" className="text-accent hover:underline">
          My queue
        </Link>
        <Link href={`/a/${articleSlug}`} className="text-accent hover:underline">
          Reader view
        </Link>
        <Link href={`/edit/${articleId}/text`} className="text-accent hover:underline">
          Edit text
        </Link>
        <Link href={`/edit/${articleId}/revisions`} className="text-accent hover:underline">
          Revisions
        </Link>
      </nav>
      <button type="button" onClick={onShowShortcuts} className="rounded border border-rule px-2.5 py-1 text-sm hover:bg-wash">
        Keyboard shortcuts (?)
      </button>
    </div>
  );
}

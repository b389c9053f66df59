"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { fieldClass, primaryButtonClass } from "@/components/workspace/form-styles";
import { errorMessage, isConflict } from "@/components/workspace/trpc-error";
import { useIdempotentAction } from "@/components/workspace/use-idempotent-action";

interface Props {
  article: { id: number; title: string; slug: string; status: string; version: number; body: string };
}

/**
 * Edits the article's text. Saving makes a new revision and carries the claims over (the server says how
 * many changed or lost their words). A save refused because a colleague saved first keeps everything typed
 * here: the editor copies it, reloads, and applies the edit again.
 */
export function EditTextForm({ article }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(article.body);
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const save = useMutation(trpc.article.edit.mutationOptions());
  // A double click saves one revision: the second click waits, and a retry of the same text replays the first answer.
  const action = useIdempotentAction();

  function submit() {
    void action.perform(async () => {
      setError(null);
      const input = { articleId: article.id, version: article.version, body, note: note.trim() || undefined };
      try {
        const result = await action.send(input, (idempotencyKey) => save.mutateAsync({ ...input, idempotencyKey }));
        if (!result.changed) return setError({ message: "The text is unchanged: nothing to save.", conflict: false });
        // The workspace's cached queries still hold the old text and spans; cached, they would win over the fresh render.
        queryClient.removeQueries(trpc.claim.pathFilter());
        router.push(`/edit/${article.id}`);
        router.refresh();
      } catch (e) {
        setError({ message: errorMessage(e), conflict: isConflict(e) });
      }
    });
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <nav aria-label="Edit text" className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/edit/${article.id}`} className="text-accent hover:underline">
          ← Workspace
        </Link>
        <Link href={`/edit/${article.id}/revisions`} className="text-accent hover:underline">
          Revisions
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold">Edit text: {article.title}</h1>
      <p className="mt-1 text-sm text-quiet">
        Saving creates a new revision. Claims follow their words; a published claim whose words you edit goes back to review, and a claim whose words you
        delete is listed in the workspace to re-attach.
      </p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {error && (
          <div role="alert" className="rounded border border-[#d4a72c] bg-[#fff8c5] px-3 py-2 text-sm text-[#7d4e00]">
            <p className="font-medium">{error.conflict ? "Not saved: " : ""}{error.message}</p>
            {error.conflict && (
              <p className="mt-1">
                Your text is still in the box below.{" "}
                <a href={`/edit/${article.id}/text`} target="_blank" rel="noopener" className="text-accent underline">
                  Open the current version in a new tab
                </a>{" "}
                to apply your edit to it.
              </p>
            )}
          </div>
        )}
        <label className="block text-sm font-medium">
          Article text <span className="font-normal text-quiet">(a blank line between paragraphs)</span>
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={24} className={`${fieldClass} font-serif text-base leading-relaxed`} spellCheck />
        </label>
        <label className="block text-sm font-medium">
          Note <span className="font-normal text-quiet">(optional: what changed and why)</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} className={fieldClass} />
        </label>
        <button type="submit" disabled={action.pending} className={primaryButtonClass}>
          {action.pending ? "Saving…" : "Save revision"}
        </button>
      </form>
    </div>
  );
}

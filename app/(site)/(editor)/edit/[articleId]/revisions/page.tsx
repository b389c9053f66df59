import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { RevisionDiffView } from "@/components/articles/revision-diff-view";
import { formatDateTime } from "@/lib/text/format-date";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { orNotFound } from "@/server/trpc/not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Revisions" };

type Props = { params: Promise<{ articleId: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

function positiveInt(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** The article's revisions (who, when, note) and the word-level diff between any two (?from=&to=; default: the last edit). */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const [{ articleId: rawId }, query] = await Promise.all([params, searchParams]);
  const articleId = positiveInt(rawId);
  if (articleId === null) notFound();
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent(`/edit/${articleId}/revisions`)}`);
  if (!can(actor, "article.readRevisions")) return <EditorsOnly />;
  const caller = await getServerCaller();
  const { article, revisions } = await orNotFound(caller.article.revisions({ articleId }));
  const to = positiveInt(query.to) ?? revisions[0]?.id ?? null;
  const from = positiveInt(query.from) ?? revisions[1]?.id ?? to;
  const diff = from !== null && to !== null ? await orNotFound(caller.article.revisionDiff({ articleId, from, to })) : null;
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <nav aria-label="Revisions" className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/edit/${articleId}`} className="text-accent hover:underline">
          ← Workspace
        </Link>
        <Link href={`/edit/${articleId}/text`} className="text-accent hover:underline">
          Edit text
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold">Revisions: {article.title}</h1>
      <div className="mt-4 grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <section aria-labelledby="revision-list-heading">
          <h2 id="revision-list-heading" className="text-base font-semibold">
            {revisions.length} {revisions.length === 1 ? "revision" : "revisions"}
          </h2>
          <form className="mt-2 space-y-2 text-sm" method="get">
            <ol className="space-y-2">
              {revisions.map((revision, index) => (
                <li key={revision.id} className="rounded border border-rule p-2" data-testid="revision">
                  <p className="font-medium">
                    Revision {revisions.length - index}
                    {revision.id === article.currentRevisionId ? " (current)" : ""}
                  </p>
                  <p className="text-quiet">
                    {revision.authorName ?? "The system"}, {formatDateTime(revision.createdAt)}
                  </p>
                  {revision.note && <p className="mt-1 [overflow-wrap:anywhere]">{revision.note}</p>}
                  <div className="mt-1 flex gap-3 text-xs">
                    <label className="inline-flex items-center gap-1">
                      <input type="radio" name="from" value={revision.id} defaultChecked={revision.id === from} /> from
                    </label>
                    <label className="inline-flex items-center gap-1">
                      <input type="radio" name="to" value={revision.id} defaultChecked={revision.id === to} /> to
                    </label>
                  </div>
                </li>
              ))}
            </ol>
            <button type="submit" className="rounded border border-rule px-3 py-1.5 font-medium hover:bg-wash">
              Compare
            </button>
          </form>
        </section>
        {diff && <RevisionDiffView parts={diff.parts} complete={diff.complete} same={diff.from === diff.to} />}
      </div>
    </div>
  );
}

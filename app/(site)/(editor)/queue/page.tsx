import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusChip } from "@/components/verdict/status-chip";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { truncate } from "@/components/workspace/text-format";
import { formatDateTime } from "@/lib/text/format-date";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My queue" };

type Queue = Awaited<ReturnType<Awaited<ReturnType<typeof getServerCaller>>["claim"]["myQueue"]>>;
type QueueItem = Queue["assigned"][number];

/** Claims a reviewer sent back, each with who did, when, and their comment: the reason comes first. */
function ReturnedList({ items }: { items: Queue["returned"] }) {
  return (
    <section aria-labelledby="returned-heading" className="mt-8">
      <h2 id="returned-heading" className="text-lg font-semibold">
        Returned to me <span className="font-normal text-quiet">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-quiet">No reviewer has sent a claim back to you.</p>
      ) : (
        <ul aria-labelledby="returned-heading" className="mt-3 divide-y divide-rule rounded border border-[#d4a72c] bg-[#fff8c5]/30">
          {items.map((item) => (
            <li key={item.id} className="px-3 py-3">
              <Link href={`/edit/${item.articleId}?claim=${item.id}`} className="font-serif text-[16px] leading-snug text-ink hover:text-accent hover:underline">
                {truncate(item.exact, 160)}
              </Link>
              <figure className="mt-2">
                <blockquote className="whitespace-pre-wrap break-words border-l-4 border-[#d4a72c] pl-3 text-sm">{item.comment ?? "(no comment)"}</blockquote>
                <figcaption className="mt-1 text-xs text-quiet">
                  Returned by {item.reviewerName ?? "a reviewer"} on {formatDateTime(item.returnedAt)} · in {item.articleTitle}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueList({ id, title, empty, items }: { id: string; title: string; empty: string; items: readonly QueueItem[] }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold">
        {title} <span className="font-normal text-quiet">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-quiet">{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="mt-3 divide-y divide-rule rounded border border-rule">
          {items.map((item) => (
            <li key={item.id} className="px-3 py-3">
              <Link href={`/edit/${item.articleId}?claim=${item.id}`} className="font-serif text-[16px] leading-snug text-ink hover:text-accent hover:underline">
                {truncate(item.exact, 160)}
              </Link>
              <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-quiet">
                <StatusChip status={item.status} />
                <VerdictBadge verdict={item.verdict} />
                <span>in {item.articleTitle}</span>
                <span>· updated {formatDateTime(item.updatedAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "My queue": unpublished claims assigned to me, and verdicts waiting for my review. */
export default async function QueuePage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect("/login?callbackUrl=/queue");
  if (!can(actor, "claim.read")) return <EditorsOnly />;
  const queue = await (await getServerCaller()).claim.myQueue();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <nav aria-label="Editor pages" className="text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">My queue</h1>
      <p className="mt-1 text-sm text-quiet">Claims a reviewer returned to you, claims assigned to you, and verdicts another editor set that you can review.</p>
      <ReturnedList items={queue.returned} />
      <QueueList id="assigned-heading" title="Assigned to me" empty="Nothing is assigned to you right now." items={queue.assigned} />
      <QueueList id="review-heading" title="Awaiting my review" empty="No verdicts are waiting for your review." items={queue.toReview} />
    </div>
  );
}

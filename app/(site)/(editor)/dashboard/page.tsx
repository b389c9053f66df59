import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { getServerCaller } from "@/server/trpc/server-caller";
import { formatDate } from "@/lib/text/format-date";
import { ARTICLE_STATUS_LABELS } from "@/lib/articles/status";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect("/login?callbackUrl=/dashboard");
  if (!can(actor, "article.listAll")) return <EditorsOnly />;
  const caller = await getServerCaller();
  const [articles, deadEvidence, queue] = await Promise.all([caller.article.dashboard(), caller.source.deadEvidence(), caller.claim.myQueue()]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <div className="flex gap-4">
          <Link href="/articles/new" className="text-sm font-medium text-accent hover:underline">New article</Link>
          <Link href="/queue" className="text-sm font-medium text-accent hover:underline">My queue</Link>
        </div>
      </div>
      <p className="mt-1 text-sm text-quiet">{articles.length} {articles.length === 1 ? "article" : "articles"}, drafts included.</p>
      {queue.returned.length > 0 && (
        <p className="mt-4 rounded border border-[#d4a72c] bg-[#fff8c5]/40 px-3 py-2 text-sm">
          A reviewer returned {queue.returned.length === 1 ? "a claim" : `${queue.returned.length} claims`} to you.{" "}
          <Link href="/queue" className="font-medium text-accent hover:underline">See “Returned to me” in your queue</Link>
        </p>
      )}
      <div className="mt-6 overflow-x-auto rounded border border-rule">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">All articles with their claim counts</caption>
          <thead className="sticky top-0 bg-wash text-quiet">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Article</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Claims</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">In review</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">Published</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {articles.map((article) => (
              <tr key={article.id}>
                <td className="px-3 py-3">
                  <Link href={`/a/${article.slug}`} className="font-medium hover:underline">{article.title}</Link>
                  <div className="text-xs text-quiet">
                    {[article.publisherName, article.publishedOn && formatDate(article.publishedOn)].filter(Boolean).join(" · ")}
                  </div>
                  <Link href={`/edit/${article.id}`} aria-label={`Open workspace: ${article.title}`} className="mt-1 inline-block text-xs font-medium text-accent hover:underline">
                    Open workspace
                  </Link>
                </td>
                <td className="px-3 py-3">
                  <span className={article.status === "published" ? "rounded bg-[#dafbe1] px-2 py-0.5 text-[#1a7f37]" : "rounded bg-[#fff8c5] px-2 py-0.5 text-[#7d4e00]"}>
                    {ARTICLE_STATUS_LABELS[article.status]}
                  </span>
                </td>
                <td className="px-3 py-3 text-right tabular-nums">{article.claimCount}</td>
                <td className="hidden px-3 py-3 text-right tabular-nums md:table-cell">{article.inReviewCount}</td>
                <td className="hidden px-3 py-3 text-right tabular-nums md:table-cell">{article.publishedCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deadEvidence.length > 0 && (
        <section aria-labelledby="dead-evidence-heading" className="mt-8">
          <h2 id="dead-evidence-heading" className="text-lg font-semibold">Evidence that went dead</h2>
          <p className="mt-1 text-sm text-quiet">The original is no longer reachable; readers are shown the archived copy first.</p>
          <ul className="mt-3 divide-y divide-rule rounded border border-rule text-sm">
            {deadEvidence.map((row) => (
              <li key={`${row.claimId}-${row.sourceId}`} className="px-3 py-2">
                <Link href={`/edit/${row.articleId}?claim=${row.claimId}`} className="font-medium hover:underline">{row.articleTitle}</Link>
                {/* The claim's own words, as marked: they often carry their own quotation marks, so none are added. */}
                <div className="break-words font-serif">{row.claimText}</div>
                <div className="text-xs text-quiet [overflow-wrap:anywhere]">{row.sourceTitle ?? row.sourceUrl}{row.deadSince && <> · failing since {formatDate(row.deadSince.toISOString().slice(0, 10))}</>}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { mayOpenAdminPage } from "@/components/admin/admin-page-guard";
import { AdminsOnly } from "@/components/admin/admins-only";
import { BarChart } from "@/components/admin/charts/bar-chart";
import { VerdictsOverTime } from "@/components/admin/charts/verdicts-over-time";
import { RELIABILITY_LABELS } from "@/components/workspace/vocabulary-labels";
import { getServerCaller } from "@/server/trpc/server-caller";
import type { ReliabilityRating } from "@/lib/sources/vocabulary";

export const metadata: Metadata = { title: "Admin" };

const RATING_ORDER: ReliabilityRating[] = ["high", "generally_reliable", "mixed", "low", "unrated"];
const RATING_COLOR: Record<ReliabilityRating, string> = { high: "#1a7f37", generally_reliable: "#2d7d46", mixed: "#9a6700", low: "#cf222e", unrated: "#8c959f" };

/** The newsroom at a glance: four server-rendered SVG charts, each with its numbers as a table. */
export default async function AdminDashboardPage() {
  if (!(await mayOpenAdminPage("/admin"))) return <AdminsOnly />;
  const stats = await (await getServerCaller()).dashboard.adminStats();
  const byRating = new Map(stats.sourcesByRating.map((row) => [row.rating, row.count]));
  return (
    <>
      <AdminNav />
      <h1 className="text-2xl font-semibold tracking-tight">Admin dashboard</h1>
      <p className="mt-1 text-sm text-quiet">Counts as of this page load. Each chart lists its numbers in a table below it.</p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <VerdictsOverTime weeks={stats.weeks} counts={stats.verdictsByWeek} />
        <BarChart
          title="Per-article coverage"
          description="Claims published of claims marked, for the 15 articles where claims were marked most recently."
          unit="claims published of marked"
          emptyText="No article has marked claims yet."
          bars={stats.coverage.map((row) => ({ label: row.title, value: row.published, total: row.marked, text: `${row.published} of ${row.marked}` }))}
        />
        <BarChart
          title="Sources by publisher rating"
          description="Sources in the registry (merged duplicates not counted) by their publisher's reliability."
          unit="sources"
          emptyText="The registry has no sources yet."
          bars={RATING_ORDER.map((rating) => ({ label: RELIABILITY_LABELS[rating], value: byRating.get(rating) ?? 0, color: RATING_COLOR[rating] }))}
        />
        <BarChart
          title="Review backlog per editor"
          description="Claims waiting in review, by the editor they are assigned to."
          unit="claims in review"
          emptyText="Nothing is waiting for review."
          bars={stats.reviewBacklog.map((row) => ({ label: row.editor, value: row.count }))}
        />
      </div>
    </>
  );
}

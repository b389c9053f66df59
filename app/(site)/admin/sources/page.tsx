import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { mayOpenAdminPage } from "@/components/admin/admin-page-guard";
import { AdminsOnly } from "@/components/admin/admins-only";
import { SourcesManager } from "./_components/sources-manager";

export const metadata: Metadata = { title: "Sources" };

/** The source registry: one row per canonical URL, searchable, editable, and where duplicates are merged. */
export default async function AdminSourcesPage() {
  if (!(await mayOpenAdminPage("/admin/sources"))) return <AdminsOnly />;
  return (
    <>
      <AdminNav />
      <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
      <p className="mt-1 text-sm text-quiet">Every source editors have cited or imported, one row per address. Edits apply everywhere the source is cited.</p>
      <SourcesManager />
    </>
  );
}

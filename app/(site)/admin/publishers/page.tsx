import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { mayOpenAdminPage } from "@/components/admin/admin-page-guard";
import { AdminsOnly } from "@/components/admin/admins-only";
import { PublishersManager } from "@/components/admin/publishers-manager";

export const metadata: Metadata = { title: "Publishers" };

/** Publisher reliability on the fixed scale; editors and readers see it beside every source of that publisher. */
export default async function AdminPublishersPage() {
  if (!(await mayOpenAdminPage("/admin/publishers"))) return <AdminsOnly />;
  return (
    <>
      <AdminNav />
      <h1 className="text-2xl font-semibold tracking-tight">Publishers</h1>
      <p className="mt-1 text-sm text-quiet">
        A rating needs a rationale and the date it was decided. Editors see it beside every source of the publisher, readers in each claim&apos;s sources.
      </p>
      <PublishersManager />
    </>
  );
}

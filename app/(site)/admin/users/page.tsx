import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { mayOpenAdminPage } from "@/components/admin/admin-page-guard";
import { AdminsOnly } from "@/components/admin/admins-only";
import { UsersManager } from "./_components/users-manager";

export const metadata: Metadata = { title: "Users" };

/** With the embedded database the CLI cannot run beside the server, so this page is how a newsroom manages its people. */
export default async function AdminUsersPage() {
  if (!(await mayOpenAdminPage("/admin/users"))) return <AdminsOnly />;
  return (
    <>
      <AdminNav />
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="mt-1 text-sm text-quiet">
        Changes take effect on the person&apos;s next request: a new role applies at once, a deactivated account or a reset password signs them out.
      </p>
      <UsersManager />
    </>
  );
}

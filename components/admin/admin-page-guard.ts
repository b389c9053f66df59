import "server-only";
import { redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";

/** Signed-out visitors go to the login page and come back; signed-in non-admins get false (the page says why). */
export async function mayOpenAdminPage(path: string): Promise<boolean> {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return can(actor, "user.list");
}

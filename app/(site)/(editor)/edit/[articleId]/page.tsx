import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { EditorsOnly } from "@/components/workspace/editors-only";
import type { WorkspaceData } from "@/components/workspace/types";
import { Workspace } from "@/components/workspace/workspace";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { orNotFound } from "@/server/trpc/not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Workspace" };

type Props = {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<{ claim?: string | string[] }>;
};

function positiveInt(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

export default async function WorkspacePage({ params, searchParams }: Props) {
  const [{ articleId: rawId }, query] = await Promise.all([params, searchParams]);
  const articleId = positiveInt(rawId);
  if (articleId === null) notFound();
  const initialClaimId = positiveInt(query.claim);

  const actor = await getRequestActor();
  if (actor.kind !== "user") {
    const here = `/edit/${articleId}${initialClaimId ? `?claim=${initialClaimId}` : ""}`;
    redirect(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }
  if (!can(actor, "claim.read")) return <EditorsOnly />;

  const workspace = await orNotFound((await getServerCaller()).claim.workspace({ articleId }));
  // The browser's tRPC client gets JSON (dates as strings, no transformer); hand the prefetch over in
  // the same shape so the first render and every refetch agree.
  const initialData = JSON.parse(JSON.stringify(workspace)) as WorkspaceData;
  const me = {
    id: actor.id,
    name: actor.name,
    role: actor.role,
    // What the policy lets them do beyond editing, decided here on the server (server/policy.ts).
    canRestoreClaims: can(actor, "claim.restore"),
    canManageSources: can(actor, "source.recapture") && can(actor, "source.checkLink"),
  };
  return <Workspace articleId={articleId} initialData={initialData} initialClaimId={initialClaimId} me={me} />;
}

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { EditTextForm } from "@/components/articles/edit-text-form";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";
import { orNotFound } from "@/server/trpc/not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Edit text" };

type Props = { params: Promise<{ articleId: string }> };

export default async function EditTextPage({ params }: Props) {
  const { articleId: rawId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(rawId)) notFound();
  const articleId = Number(rawId);
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent(`/edit/${articleId}/text`)}`);
  if (!can(actor, "article.edit")) return <EditorsOnly />;
  const { article } = await orNotFound((await getServerCaller()).claim.workspace({ articleId }));
  return (
    <EditTextForm
      article={{ id: article.id, title: article.title, slug: article.slug, status: article.status, version: article.version, body: article.body }}
    />
  );
}

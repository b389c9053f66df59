import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewArticleForm } from "@/components/articles/new-article-form";
import { EditorsOnly } from "@/components/workspace/editors-only";
import { getRequestActor } from "@/server/auth/request-actor";
import { can } from "@/server/policy";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent("/articles/new")}`);
  if (!can(actor, "article.import")) return <EditorsOnly />;
  return <NewArticleForm />;
}

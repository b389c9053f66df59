import type { Metadata } from "next";
import { connection } from "next/server";
import { cache } from "react";
import { EmbedCard } from "@/components/embed/embed-card";
import { SurrogateKeys } from "@/components/reader/surrogate-keys";
import { summarizeVerdicts } from "@/lib/verdict-summary";
import { publicRead } from "@/server/http/public-read";
import { orNotFound } from "@/server/trpc/not-found";
import { getPublicCaller } from "@/server/trpc/server-caller";

// The only page other sites may frame (see next.config.ts headers). Always read as anonymous, so a
// signed-in editor sees exactly what a publisher's readers see, and drafts are a 404 for everyone.
type Props = { params: Promise<{ slug: string }> };

// One database read per request, shared by generateMetadata and the page.
const load = cache(async (slug: string) => {
  // Rendered per request: without this Next would cache the first render and never show new verdicts.
  await connection();
  return orNotFound(publicRead(async () => (await getPublicCaller()).reader.article({ slug })));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  // The reader page is the canonical copy; the card must not compete with it in search results.
  return { title: `Fact-checks: ${article.title}`, robots: { index: false, follow: true } };
}

export default async function EmbedPage({ params }: Props) {
  const article = await load((await params).slug);
  const claims = article.claims.map(({ id, exact, verdict }) => ({ id, exact, verdict }));
  return (
    <div className="p-2">
      <EmbedCard slug={article.slug} title={article.title} summary={summarizeVerdicts(claims.map((c) => c.verdict))} claims={claims} />
      <SurrogateKeys claims={article.claims} />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnnotatedParagraph } from "@/components/reader/annotated-paragraph";
import { ArticleFooter } from "@/components/reader/article-footer";
import { ClaimDetails } from "@/components/reader/claim-details";
import { ClaimDialog } from "@/components/reader/claim-dialog";
import { claimHeadingId } from "@/components/reader/claim-dom-ids";
import { RatingLegend } from "@/components/reader/rating-legend";
import { StructuredData } from "@/components/reader/structured-data";
import { SurrogateKeys } from "@/components/reader/surrogate-keys";
import { VerdictSummaryBar } from "@/components/reader/verdict-summary-bar";
import { creditLine } from "@/lib/text/credit-line";
import { formatDate } from "@/lib/text/format-date";
import { loadReaderView } from "./load-reader-view";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then served from the full-route cache until what readers see of this article
// changes (tag expiry) or the policy's safety net passes (APP_CACHE_SECONDS in
// server/http/public-cache-policy.mjs; Next needs a literal here, a unit test keeps them equal).
// Nothing here reads cookies, so one page fits all.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return []; // no database at build time
}

async function load(params: Props["params"]) {
  const view = await loadReaderView((await params).slug);
  if (!view) notFound();
  return view;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params);
  return { title: article.title };
}

export default async function ReaderPage({ params }: Props) {
  const { article, claims, underReview } = await load(params);
  return (
    <article className="mx-auto max-w-[68ch] px-4 py-10">
      <header>
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{article.title}</h1>
        <p className="mt-3 text-sm text-quiet">
          {creditLine(article, formatDate)}
        </p>
      </header>
      <div className="mt-6">
        <VerdictSummaryBar claims={claims} />
      </div>
      <div className="mt-8 space-y-5 font-serif text-[19px] leading-[1.6] sm:text-[20px]">
        {article.paragraphs.map((paragraph) => (
          <AnnotatedParagraph key={paragraph.start} text={paragraph.text} start={paragraph.start} claims={claims} underReview={underReview} />
        ))}
      </div>
      <div className="mt-10">
        <RatingLegend />
      </div>
      <ArticleFooter article={article} />
      {claims.map((claim) => (
        <ClaimDialog key={claim.id} claimId={claim.id} labelledBy={claimHeadingId(claim.id)}>
          <ClaimDetails claim={claim} headingId={claimHeadingId(claim.id)} />
        </ClaimDialog>
      ))}
      <StructuredData article={article} claims={claims} />
      <SurrogateKeys claims={claims} />
    </article>
  );
}

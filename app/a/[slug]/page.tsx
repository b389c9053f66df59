import type { Metadata } from "next";
import { getServerCaller } from "@/server/trpc/server-caller";
import { orNotFound } from "@/server/trpc/not-found";
import { formatDate } from "@/lib/text/format-date";
import { ExternalLink } from "@/components/ui/external-link";

type Props = { params: Promise<{ slug: string }> };

async function loadArticle(slug: string) {
  return orNotFound((await getServerCaller()).article.bySlug({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article.title };
}

export default async function ReaderPage({ params }: Props) {
  const article = await loadArticle((await params).slug);
  return (
    <article className="mx-auto max-w-[68ch] px-4 py-10">
      <header>
        {article.status === "draft" && (
          <p className="mb-4 inline-block rounded bg-[#fff8c5] px-2 py-1 text-sm text-[#7d4e00]">Draft: only editors can see this article.</p>
        )}
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{article.title}</h1>
        <p className="mt-3 text-sm text-quiet">
          {[article.byline && `By ${article.byline}`, article.publisherName, article.publishedOn && formatDate(article.publishedOn)]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </header>
      <div className="mt-8 space-y-5 font-serif text-[19px] leading-[1.6] sm:text-[20px]">
        {article.paragraphs.map((paragraph) => (
          <p key={paragraph.start}>{paragraph.text}</p>
        ))}
      </div>
      {(article.relatedLinks.length > 0 || article.citedSources.length > 0) && (
        <footer className="mt-10 space-y-6 border-t border-rule pt-6 text-sm">
          {article.relatedLinks.length > 0 && (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading" className="font-semibold">Related</h2>
              <ul className="mt-2 space-y-1">
                {article.relatedLinks.map((link) => (
                  <li key={link.title}>{link.url ? <ExternalLink href={link.url}>{link.title}</ExternalLink> : link.title}</li>
                ))}
              </ul>
            </section>
          )}
          {article.citedSources.length > 0 && (
            <section aria-labelledby="sources-heading">
              <h2 id="sources-heading" className="font-semibold">Linked in the article</h2>
              <ul className="mt-2 space-y-1">
                {article.citedSources.map((source) => (
                  <li key={source.id}>
                    <ExternalLink href={source.url}>{source.title ?? source.url}</ExternalLink>
                    {source.publisherName && <span className="text-quiet"> · {source.publisherName}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {article.publisherName && (
            <p className="text-quiet">
              Article text © {article.publisherName}
              {article.originalUrl && (
                <>
                  {" "}(<ExternalLink href={article.originalUrl}>original</ExternalLink>)
                </>
              )}
              , reproduced for fact-checking.
            </p>
          )}
        </footer>
      )}
    </article>
  );
}

import { ExternalLink } from "@/components/ui/external-link";
import type { ReaderView } from "@/server/services/reader/get-reader-view";

/** Related links, the sources the article itself links, and the credit to its publisher. */
export function ArticleFooter({ article }: Pick<ReaderView, "article">) {
  if (article.relatedLinks.length === 0 && article.citedSources.length === 0 && !article.publisherName) return null;
  return (
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
  );
}

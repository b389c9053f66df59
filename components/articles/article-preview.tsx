import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import type { AppRouter } from "@/server/routers/_app";

export type Preview = inferRouterOutputs<AppRouter>["article"]["preview"];

/**
 * What the import will save, as the server's importer read it: the body's paragraphs, the links it takes for
 * sources, related-article teasers, and whether the slug is free. Text nodes only (user text is never HTML).
 */
export function ArticlePreview({ preview, stale, children }: { preview: Preview; stale: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby="preview-heading" className={`mt-5 rounded border border-rule p-4 ${stale ? "opacity-60" : ""}`}>
      <h2 id="preview-heading" className="text-base font-semibold">
        Preview
      </h2>
      <p className="mt-1 text-sm text-quiet">
        {preview.paragraphs.length} {preview.paragraphs.length === 1 ? "paragraph" : "paragraphs"}, {preview.characters.toLocaleString("en-GB")} characters,{" "}
        {preview.sourceUrls.length} {preview.sourceUrls.length === 1 ? "source link" : "source links"}. Nothing is saved yet.
      </p>
      {preview.slug && preview.slugTaken && (
        <p role="alert" className="mt-2 rounded border border-[#cf222e] bg-[#ffebe9] px-3 py-2 text-sm text-[#a40e26]">
          The link /a/{preview.slug} is already taken by another article. Change the slug, then preview again.
        </p>
      )}
      <ol aria-label="Paragraphs" className="mt-3 max-h-[28rem] space-y-3 overflow-y-auto rounded bg-wash p-3 font-serif text-[17px] leading-relaxed">
        {preview.paragraphs.map((paragraph, i) => (
          <li key={i} className="[overflow-wrap:anywhere]">
            {paragraph}
          </li>
        ))}
      </ol>
      <h3 className="mt-4 text-sm font-semibold">Source links found</h3>
      {preview.sourceUrls.length === 0 ? (
        <p className="mt-1 text-sm text-quiet">None. Lines that hold only a link, and links in an HTML page, become the article&apos;s sources.</p>
      ) : (
        <ul aria-label="Source links found" className="mt-1 list-disc space-y-1 pl-5 text-sm">
          {preview.sourceUrls.map((url) => (
            <li key={url} className="break-all">
              {url}
            </li>
          ))}
        </ul>
      )}
      {preview.relatedLinks.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Related articles (kept out of the body)</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {preview.relatedLinks.map((link, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {link.title}
                {link.url && <span className="break-all text-quiet"> · {link.url}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">{children}</div>
    </section>
  );
}

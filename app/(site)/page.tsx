import Link from "next/link";
import { connection } from "next/server";
import { unstable_cache } from "next/cache";
import { APP_CACHE_SECONDS, PUBLISHED_ARTICLES_TAG } from "@/server/http/public-cache-policy.mjs";
import { publicRead } from "@/server/http/public-read";
import { getPublicCaller } from "@/server/trpc/server-caller";
import { formatDate } from "@/lib/text/format-date";

// The list is the same for everyone: cached as data, expired when what readers see of any article changes.
const loadPublishedArticles = unstable_cache(async () => (await getPublicCaller()).article.listPublished(), ["published-articles"], {
  tags: [PUBLISHED_ARTICLES_TAG],
  revalidate: APP_CACHE_SECONDS,
});

const checkedLine = (count: number) => (count === 0 ? "not checked yet" : `${count} ${count === 1 ? "claim" : "claims"} checked`);

export default async function HomePage() {
  await connection(); // render per request (never at build time, when there is no database)
  const articles = await publicRead(loadPublishedArticles);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Checked articles</h1>
      <p className="mt-2 text-quiet">News stories whose claims our editors check against the sources.</p>
      {articles.length === 0 ? (
        <p className="mt-8 text-quiet">No articles are published yet.</p>
      ) : (
        <ul className="mt-8 divide-y divide-rule border-y border-rule">
          {articles.map((article) => (
            <li key={article.id} className="py-5">
              <Link href={`/a/${article.slug}`} className="font-serif text-xl leading-snug hover:underline">
                {article.title}
              </Link>
              <p className="mt-1 text-sm text-quiet">
                {[article.publisherName, article.publishedOn && formatDate(article.publishedOn), checkedLine(article.checkedCount)].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import Link from "next/link";
import { connection } from "next/server";
import { unstable_cache } from "next/cache";
import { getAppDatabase } from "@/db/app-database";
import { anonymous } from "@/server/actor";
import { PUBLISHED_ARTICLES_TAG } from "@/server/http/public-cache-tags";
import { listPublishedArticles } from "@/server/services/article/list-published";
import { formatDate } from "@/lib/text/format-date";

// The list is the same for everyone: cached as data, expired when an article is published or withdrawn.
const loadPublishedArticles = unstable_cache(
  async () => listPublishedArticles({ db: (await getAppDatabase()).db, actor: anonymous }),
  ["published-articles"],
  { tags: [PUBLISHED_ARTICLES_TAG], revalidate: 3600 },
);

export default async function HomePage() {
  await connection(); // render per request (never at build time, when there is no database)
  const articles = await loadPublishedArticles();
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
                {[article.publisherName, article.publishedOn && formatDate(article.publishedOn)].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

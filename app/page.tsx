import Link from "next/link";
import { getServerCaller } from "@/server/trpc/server-caller";
import { formatDate } from "@/lib/text/format-date";

export default async function HomePage() {
  const articles = await (await getServerCaller()).article.listPublished();
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

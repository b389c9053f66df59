import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import { importArticle, importArticleInput } from "../services/article/import-article";

const demoMetadata = importArticleInput.omit({ text: true }).extend({ slug: z.string(), textFile: z.string() });

/** Loads the demo article once. Restarting, or two instances starting together, changes nothing. */
export async function seedDemoArticle(db: Database, demoDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "demo")): Promise<"created" | "present"> {
  const meta = demoMetadata.parse(JSON.parse(await readFile(/*turbopackIgnore: true*/ path.join(demoDir, "article.json"), "utf8")));
  const { textFile, ...fields } = meta;
  const text = await readFile(/*turbopackIgnore: true*/ path.join(demoDir, textFile), "utf8");
  return db.transaction(async (tx) => {
    // Instances starting together queue here; the second one then finds the article and does nothing.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('factdesk.seed-demo'))`);
    const [existing] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, meta.slug));
    if (existing) return "present";
    await importArticle({ db: tx, actor: { kind: "system", label: "demo seed" } }, { ...fields, text });
    return "created";
  });
}

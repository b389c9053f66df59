import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import { importArticle, importArticleInput } from "../services/article/import-article";
import { ConflictError } from "../errors";

const demoMetadata = importArticleInput.omit({ text: true }).extend({ slug: z.string(), textFile: z.string() });

/** Loads the demo article once. Restarting, or two instances starting together, changes nothing. */
export async function seedDemoArticle(db: Database, demoDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "demo")): Promise<"created" | "present"> {
  const meta = demoMetadata.parse(JSON.parse(await readFile(/*turbopackIgnore: true*/ path.join(demoDir, "article.json"), "utf8")));
  const [existing] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, meta.slug));
  if (existing) return "present";
  const { textFile, ...fields } = meta;
  const text = await readFile(/*turbopackIgnore: true*/ path.join(demoDir, textFile), "utf8");
  try {
    await importArticle({ db, actor: { kind: "system", label: "demo seed" } }, { ...fields, text });
    return "created";
  } catch (error) {
    if (error instanceof ConflictError) return "present"; // another instance won the race
    throw error;
  }
}

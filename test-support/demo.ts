import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../scripts/lib/next-build.mjs";

interface DemoFile {
  slug: string;
  title: string;
  publisher: { domain: string; name: string };
}

const demoFile = JSON.parse(readFileSync(path.join(repoRoot, "data", "demo", "article.json"), "utf8")) as DemoFile;

/** The demo article every server loads on first start, as data/demo/article.json (what the seed reads) says. */
export const DEMO = { slug: demoFile.slug, title: demoFile.title, publisher: demoFile.publisher.name } as const;

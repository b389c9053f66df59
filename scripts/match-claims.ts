/**
 * `npm run -s match-claims -- FILE.json`: matches each query against the corpus with the app's schema and
 * ranking code and prints {"results":[{"query":…,"matches":[{"id":…,"score":…,"same":…}]}]}, top five per
 * query, best first. FILE is {"corpus":[{"id","text","speaker"}],"queries":[{"id","text","speaker"}]}.
 */
import { readFile } from "node:fs/promises";
import type { ZodError } from "zod";
import { matchInput } from "./lib/match-input";

const USAGE = "Usage: npm run -s match-claims -- FILE.json";

function describe(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`);
    return 2;
  }
  const parsed = matchInput.safeParse(input);
  if (!parsed.success) {
    console.error(`${file} is not a valid match file: ${describe(parsed.error)}`);
    return 2;
  }
  // Loaded only for a valid file: the NLP models and the database take seconds to start.
  const { matchCorpus } = await import("./lib/match-corpus");
  process.stdout.write(`${JSON.stringify(await matchCorpus(parsed.data))}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

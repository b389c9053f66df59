/**
 * `npm run -s match-claims -- FILE.json`: matches each query against the corpus with the app's schema and
 * ranking code and prints {"results":[{"query":…,"matches":[{"id":…,"score":…,"same":…}]}]}, top five per
 * query, best first. FILE is {"corpus":[{"id","text","speaker"}],"queries":[{"id","text","speaker"}]}.
 */
import { readFile } from "node:fs/promises";
import { ZodError } from "zod";
import { matchCorpus } from "./lib/match-corpus";

const USAGE = "Usage: npm run -s match-claims -- FILE.json";

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
  try {
    const output = await matchCorpus(input as Parameters<typeof matchCorpus>[0]);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(`${file} is not a valid match file: ${error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

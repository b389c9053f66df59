/**
 * `npm run -s anchor -- --from OLD.txt --to NEW.txt --claims CLAIMS.json`: re-anchors claims from one
 * revision of an article to the next with the app's own code (lib/import for both raw files,
 * lib/anchoring's reanchorRevision for the claims) and prints
 * {"results":[{"original","state","text","start","end"}]} in input order. CLAIMS.json is
 * {"claims":[{"text":"..."}]}; each text must occur in OLD's imported body (its first occurrence is the claim).
 * Errors go to stderr with exit code 1 (bad input) or 2 (usage).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { anchorExactly, reanchorRevision } from "@/lib/anchoring";
import { parseArticleText } from "@/lib/import/parse-article-text";

const USAGE = "Usage: npm run -s anchor -- --from OLD.txt --to NEW.txt --claims CLAIMS.json";

class InputError extends Error {}

const ClaimsFile = z.object({ claims: z.array(z.object({ text: z.string().min(1, "a claim text is empty") })) });

function read(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError(`Cannot read ${what} ${path}: ${reason}.`);
  }
}

function readClaims(path: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(read(path, "the claims file"));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ClaimsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${path} must look like {"claims":[{"text":"..."}]}: ${issue?.path.join(".") || "(top)"}: ${issue?.message}`);
  }
  return parsed.data.claims.map((claim) => claim.text);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: "string" }, to: { type: "string" }, claims: { type: "string" } },
    strict: true,
  });
  if (!values.from || !values.to || !values.claims) {
    console.error(USAGE);
    process.exit(2);
  }
  const oldBody = parseArticleText(read(values.from, "the old text")).body;
  const newBody = parseArticleText(read(values.to, "the new text")).body;
  const texts = readClaims(values.claims);
  const anchors = texts.map((text, i) => {
    const start = oldBody.indexOf(text);
    if (start < 0) throw new InputError(`Claim ${i + 1} does not occur in ${values.from} (after import): ${JSON.stringify(text)}`);
    return anchorExactly(oldBody, start, start + text.length);
  });
  const results = reanchorRevision(oldBody, newBody, anchors).map((result, i) =>
    result.state === "orphaned"
      ? { original: texts[i], state: result.state, text: null, start: null, end: null }
      : { original: texts[i], state: result.state, text: result.anchor.quote.exact, start: result.anchor.position.start, end: result.anchor.position.end },
  );
  process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    console.error(`anchor: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`anchor: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}

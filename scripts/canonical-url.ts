/**
 * `npm run -s canonical-url -- URL...`: one line per argument, in order — the canonical URL a source would be filed
 * under, or `REJECT: <reason>`. Exits 1 when any argument was rejected (so a link-list check can fail a script),
 * 2 without arguments.
 */
import { canonicalLine } from "../lib/url/canonicalize";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: npm run -s canonical-url -- URL...");
  process.exit(2);
}
const lines = urls.map(canonicalLine);
process.stdout.write(`${lines.join("\n")}\n`);
process.exitCode = lines.some((line) => line.startsWith("REJECT: ")) ? 1 : 0;

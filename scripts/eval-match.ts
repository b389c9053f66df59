/**
 * `npm run eval:match`: runs the match-claims pipeline over data/matching/labelled-set.json and prints
 * `eval: name value` lines (hit@1, hit@5, link recall, false-match rate), then each miss. Exits 1 when a figure
 * misses its target.
 */
import { evaluate, TARGETS } from "./lib/match-eval";

const report = await evaluate();
console.log(`eval: hit_at_1 ${report.hitAt1}`);
console.log(`eval: hit_at_5 ${report.hitAt5}`);
console.log(`eval: link_recall ${report.linkRecall}`);
console.log(`eval: false_match_rate ${report.falseMatchRate}`);
console.log(`eval: queries ${report.trueMatchQueries} with a true match, ${report.nearMissQueries} near misses`);
for (const miss of report.misses) {
  console.log(`miss: ${miss.query} (${miss.kind}): ${miss.problem}; top ${miss.top ?? "none"} ${miss.score ?? ""} expected ${miss.expected.join(",") || "no match"}`);
}
const met =
  report.hitAt1 >= TARGETS.hitAt1 && report.hitAt5 >= TARGETS.hitAt5 &&
  report.linkRecall >= TARGETS.linkRecall && report.falseMatchRate <= TARGETS.falseMatchRate;
if (!met) {
  console.error(`eval: below target (hit@1 >= ${TARGETS.hitAt1}, hit@5 >= ${TARGETS.hitAt5}, link recall >= ${TARGETS.linkRecall}, false-match rate <= ${TARGETS.falseMatchRate})`);
  process.exitCode = 1;
}

#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure. Each step's runner prints its
// own results; this prints a header per step and a closing table of what ran and how long it took.
import path from "node:path";
import { nextBin, repoRoot } from "./lib/next-build.mjs";
import { runChild } from "./lib/run-child.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const steps = [
  { name: "lint", command: npm, args: ["run", "lint"] },
  { name: "typecheck", command: npm, args: ["run", "typecheck"] },
  { name: "migration drift", command: npm, args: ["run", "db:check-drift"] },
  { name: "unit tests", command: npm, args: ["run", "test:unit"] },
  { name: "integration tests", command: npm, args: ["run", "test:integration"] },
  { name: "production build", command: process.execPath, args: [nextBin, "build"] },
  // Uses the build just made instead of checking whether to build again.
  { name: "end-to-end tests", command: npm, args: ["run", "test:e2e"], env: { FACTDESK_E2E_BUILD: "0" } },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const results = [];
const started = Date.now();
let failed;
for (const [index, step] of steps.entries()) {
  const label = `[${index + 1}/${steps.length}] ${step.name}: ${[path.basename(step.command), ...step.args].join(" ")}`;
  console.log(`\n${"═".repeat(label.length)}\n${label}\n${"═".repeat(label.length)}`);
  const stepStarted = Date.now();
  const code = await runChild("npm test", step.command, step.args, { cwd: repoRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
  results.push({ step, code, ms: Date.now() - stepStarted });
  if (code !== 0) {
    failed = step;
    break;
  }
}

console.log("\nSummary");
for (const { step, code, ms } of results) {
  console.log(`  ${code === 0 ? "ok  " : "FAIL"}  ${step.name.padEnd(18)} ${seconds(ms).padStart(8)}`);
}
for (const step of steps.slice(results.length)) console.log(`  skip  ${step.name}`);
console.log(`  total ${seconds(Date.now() - started)}`);
if (failed) {
  console.error(`\nnpm test failed at "${failed.name}" (exit ${results.at(-1).code}); later steps did not run.`);
  process.exit(results.at(-1).code || 1);
}
console.log("\nAll checks passed.");

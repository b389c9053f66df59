import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate, TARGETS } from "@/scripts/lib/match-eval";

// The CLI and the eval each open an in-memory PGlite (a cold start of several seconds on a busy machine).
const SLOW = 180_000;

const folder = mkdtempSync(path.join(tmpdir(), "match-claims-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/match-claims.ts", ...args], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function inputFile(name: string, content: unknown): string {
  const file = path.join(folder, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("npm run -s match-claims -- FILE.json", () => {
  it("prints the top five matches per query, best first, with the same-claim decision", async () => {
    const corpus = [
      { id: "ukraine", text: "Moscow has amassed some 100,000 troops close to the border with Ukraine and in annexed Crimea.", speaker: null },
      { id: "finland", text: "Russia has moved about 10,000 troops to its border with Finland", speaker: "Aino Virtanen" },
      { id: "lavrov", text: "“If it depends on Russia, there will be no war. We don’t want a war,”", speaker: "Sergei Lavrov" },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `filler-${i}`, text: `Russian troops held exercise number ${i + 1} near the border.`, speaker: null })),
    ];
    const queries = [
      { id: "paraphrase", text: "Russia has massed a hundred thousand soldiers near Ukraine's border and in Crimea.", speaker: null },
      { id: "other-speaker", text: "\"If it depends on Russia, there will be no war. We don't want a war,\"", speaker: "Dmitry Peskov" },
      { id: "nothing", text: "Quarterly cheese exports from Gouda", speaker: null },
    ];
    const { code, stdout, stderr } = await runCli([inputFile("input.json", { corpus, queries })]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { results: Array<{ query: string; matches: Array<{ id: string; score: number; same: boolean }> }> };
    expect(output.results.map((r) => r.query)).toEqual(["paraphrase", "other-speaker", "nothing"]);
    const [paraphrase, otherSpeaker, nothing] = output.results;
    expect(paraphrase!.matches[0]).toMatchObject({ id: "ukraine", same: true });
    expect(paraphrase!.matches.length).toBeLessThanOrEqual(5);
    expect(paraphrase!.matches.length).toBeGreaterThan(1);
    expect(paraphrase!.matches.slice(1).every((m) => !m.same)).toBe(true);
    const scores = paraphrase!.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of paraphrase!.matches) expect(Object.keys(m).sort()).toEqual(["id", "same", "score"]);
    expect(otherSpeaker!.matches[0]).toMatchObject({ id: "lavrov", same: false });
    expect(nothing!.matches).toEqual([]);
  }, SLOW);

  it("refuses a file that is not a match file, saying what is wrong", async () => {
    const bad = await runCli([inputFile("bad.json", { corpus: [{ id: "a", text: "x" }, { id: "a", text: "y" }], queries: [] })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("corpus ids must be unique");
    const notJson = await runCli([inputFile("not.json", "{corpus")]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("as JSON");
    const usage = await runCli([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage");
  }, SLOW);
});

describe("npm run eval:match (data/matching/labelled-set.json)", () => {
  it("meets the issue's targets", async () => {
    const report = await evaluate();
    expect(report.trueMatchQueries).toBeGreaterThanOrEqual(20);
    expect(report.nearMissQueries).toBeGreaterThanOrEqual(10);
    expect(report.hitAt1).toBeGreaterThanOrEqual(TARGETS.hitAt1);
    expect(report.hitAt5).toBeGreaterThanOrEqual(TARGETS.hitAt5);
    expect(report.linkRecall).toBeGreaterThanOrEqual(TARGETS.linkRecall);
    expect(report.falseMatchRate).toBeLessThanOrEqual(TARGETS.falseMatchRate);
  }, SLOW);
});

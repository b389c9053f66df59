// Runs `npm run -s anchor` as a child process, as a script would: every shared revision fixture and
// every hard case must come out exactly as expected.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hardCases } from "./__fixtures__/hard-cases";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "__fixtures__");
const seedFile = path.join(root, "lib/import/__fixtures__/seed-article.txt");
const dir = mkdtempSync(path.join(tmpdir(), "factdesk-anchor-cli-"));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

// What `npm run -s anchor --` runs (package.json), minus npm's own start-up; one test below goes through npm.
const tsx = [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/anchor-cli.ts"];

async function anchor(...args: string[]): Promise<Outcome> {
  return capture(process.execPath, [...tsx, ...args]);
}

async function capture(command: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

interface Case {
  name: string;
  from: string;
  to: string;
  claims: { original: string; expected: string | null; at?: number | null }[];
}

const shared: Case[] = readdirSync(fixtures)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, f), "utf8")) as { revision: string; claims: Case["claims"] };
    return { name: expected.revision, from: seedFile, to: path.join(fixtures, expected.revision), claims: expected.claims };
  });
const hard: Case[] = hardCases().map((c) => ({
  name: c.name,
  from: write(`${c.name}.old.txt`, c.oldRaw),
  to: write(`${c.name}.txt`, c.newRaw),
  claims: c.claims,
}));

const outputs = new Map<string, Outcome>();

beforeAll(async () => {
  // All runs at once: each is a separate tsx start-up, so this is mostly waiting.
  const runs = [...shared, ...hard].map(async (c) => {
    const claims = write(`${c.name}.claims.json`, JSON.stringify({ claims: c.claims.map((claim) => ({ text: claim.original })) }));
    outputs.set(c.name, await anchor("--from", c.from, "--to", c.to, "--claims", claims));
  });
  await Promise.all(runs);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  original: string;
  state: string;
  text: string | null;
  start: number | null;
  end: number | null;
}

describe.each([...shared, ...hard])("anchor CLI on $name", (c) => {
  it("reproduces every expected outcome", () => {
    const outcome = outputs.get(c.name)!;
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    const { results } = JSON.parse(outcome.stdout) as { results: Result[] };
    expect(results.map((r) => r.original)).toEqual(c.claims.map((claim) => claim.original));
    results.forEach((result, i) => {
      const { original, expected, at } = c.claims[i]!;
      const label = `claim ${i + 1}: ${original}`;
      if (expected === null) {
        expect(result, label).toEqual({ original, state: "orphaned", text: null, start: null, end: null });
        return;
      }
      // Same words must be anchored; edited ones changed, or anchored when only typography/whitespace differs.
      expect(expected === original ? ["anchored"] : ["changed", "anchored"], label).toContain(result.state);
      expect(result.text, label).toBe(expected);
      expect(result.end! - result.start!, label).toBe(expected.length);
      if (at !== undefined) expect(result.start, label).toBe(at);
    });
  });
});

describe("anchor CLI errors", { timeout: 60_000 }, () => {
  const claims = write("ok.claims.json", JSON.stringify({ claims: [{ text: "Russia is not seeking war" }] }));

  it("names a missing file", async () => {
    const outcome = await anchor("--from", path.join(dir, "missing.txt"), "--to", seedFile, "--claims", claims);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("missing.txt: no such file");
    expect(outcome.stdout).toBe("");
  });

  it("refuses a claims file that is not JSON or not the expected shape", async () => {
    const broken = await anchor("--from", seedFile, "--to", seedFile, "--claims", write("broken.json", "{claims:"));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("is not valid JSON");
    const shape = await anchor("--from", seedFile, "--to", seedFile, "--claims", write("shape.json", '{"claims":[{"txt":"x"}]}'));
    expect(shape.code).toBe(1);
    expect(shape.stderr).toContain('must look like {"claims":[{"text":"..."}]}');
  });

  it("refuses a claim that is not in the old text", async () => {
    const outcome = await anchor("--from", seedFile, "--to", seedFile, "--claims", write("absent.json", '{"claims":[{"text":"peace in our time"}]}'));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Claim 1 does not occur in');
    expect(outcome.stderr).toContain('"peace in our time"');
  });

  it("prints usage without the three options (through npm run, as documented)", async () => {
    const outcome = await capture("npm", ["run", "-s", "anchor", "--", "--from", seedFile]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("Usage: npm run -s anchor");
  });
});

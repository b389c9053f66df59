import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// scripts/check-migration-drift.mjs (npm run db:check-drift): needs no database, writes nothing.
const script = path.join("scripts", "check-migration-drift.mjs");
const empty = mkdtempSync(path.join(tmpdir(), "factdesk-no-migrations-"));
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });

/** Every file under `dir` with its contents: catches both new files and edited ones. */
function contents(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), readFileSync(file, "utf8")];
  }));
}

afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
});

describe("check-migration-drift", () => {
  it("reports drift (exit 1, with the fix) when the migrations do not describe the schema, and writes nothing", () => {
    const result = run("--migrations", empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("db/schema and db/migrations disagree: run npm run db:generate and commit the result");
    expect(readdirSync(empty)).toEqual([]);
  });

  it("passes on the committed migrations and leaves db/migrations byte-for-byte as it was", () => {
    const before = contents(path.join("db", "migrations"));
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("migrations match the schema");
    expect(result.status).toBe(0);
    expect(contents(path.join("db", "migrations"))).toEqual(before);
  });

  it("exits 2, not 0 or 1, when it cannot compare at all", () => {
    expect(run("--migrations", path.join(empty, "does-not-exist")).status).toBe(2);
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError } from "@/db/embedded-lock";
import { uniqueEmail } from "./helpers";

// The rule: the embedded database belongs to one process at a time. A child process stands in
// for the server; the real operator CLI is run against the same data folder, as an operator would.
const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-lock-"));
const pgliteDir = path.join(dataDir, "pglite"); // where openConfiguredDatabase puts it under FACTDESK_DATA_DIR
const lockFile = path.join(dataDir, "pglite.lock");
const heldEmail = uniqueEmail("held");
const children = new Set<ChildProcess>();

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FACTDESK_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // the CLI must take the embedded path
  return env;
}

function start(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: process.cwd(), env: cliEnv(), stdio: ["pipe", "pipe", "pipe"] });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  /** Resolves when stdout contains `text`; rejects if the process exits first. */
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => stdout.includes(text) && resolve();
      child.stdout.on("data", check);
      check();
      void exited.then(({ code }) => reject(new Error(`exited with ${code} before printing "${text}":\n${stdout}\n${stderr}`)));
    });
  return { child, exited, printed };
}

const runCli = (...args: string[]) => start(["scripts/user-cli.ts", ...args]).exited;

afterAll(() => {
  for (const child of children) child.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded database lock", () => {
  it("the CLI refuses while another process holds the folder, and works once it is released", async () => {
    const holder = start(["tests/fixtures/hold-embedded-database.ts", pgliteDir, heldEmail]);
    await holder.printed("ready");
    expect(existsSync(lockFile)).toBe(true);

    const busy = await runCli("list");
    expect(busy.code).toBe(3);
    expect(busy.stderr).toContain("in use by another process");
    expect(busy.stderr).toContain(`pid ${holder.child.pid}`);
    expect(busy.stdout).not.toContain(heldEmail);

    holder.child.stdin.end(); // a clean stop: PGlite closed, lock released
    const stopped = await holder.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain("closed");
    expect(existsSync(lockFile)).toBe(false);

    // A lock left by a process that died without releasing it must not lock the operator out.
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("close", () => resolve(child.pid!));
    });
    writeFileSync(lockFile, String(dead));

    const listed = await runCli("list");
    expect(listed.stderr).toBe("");
    expect(listed.code).toBe(0);
    // What the holder wrote survived it and the refused CLI: the folder was never opened twice.
    expect(listed.stdout).toContain(heldEmail);
    expect(existsSync(lockFile)).toBe(false);
  }, 120_000);
});

describe("user CLI help", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s prints the usage on stdout, with no error first, and exits 0", async (flag) => {
    const result = await runCli(flag);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run user -- <command> \[options\]\n/);
    expect(result.stdout).toContain("reset-password --email E --password-stdin");
  }, 60_000);

  it("an unknown option still fails, with the usage after the error", async () => {
    const result = await runCli("--nope");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option '--nope'/);
    expect(result.stderr).toContain("Usage: npm run user");
  }, 60_000);
});

describe("acquireEmbeddedLock in-process", () => {
  const lockPath = () => path.join(dataDir, `${uniqueEmail("lock")}.lock`);

  it("refuses a lock held by a live process and names it", () => {
    const file = lockPath();
    writeFileSync(file, String(process.ppid)); // our parent is certainly alive
    expect(() => acquireEmbeddedLock(file, "/data")).toThrow(EmbeddedDatabaseBusyError);
    expect(() => acquireEmbeddedLock(file, "/data")).toThrow(`pid ${process.ppid}`);
  });

  it("takes over an unreadable lock file and removes it on release", () => {
    const file = lockPath();
    writeFileSync(file, "not a pid");
    const release = acquireEmbeddedLock(file, "/data");
    expect(existsSync(file)).toBe(true);
    release();
    expect(existsSync(file)).toBe(false);
  });
});

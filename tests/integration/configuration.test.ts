import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The real entry points, as an operator starts them, with one bad setting each. They run in an empty folder:
// were the check missing, `npm start` would go on to build (and serve.mjs to load Next) there, and fail for
// another reason, so the assertions are on the message, not only on the exit code.
const repoRoot = process.cwd();
const emptyDir = mkdtempSync(path.join(tmpdir(), "factdesk-config-"));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

function run(script: string, env: Record<string, string>, cwd = emptyDir): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, script)], {
      cwd,
      env: { ...process.env, DATABASE_URL: "", FACTDESK_DATA_DIR: path.join(emptyDir, "data"), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(["scripts/start.mjs", "scripts/serve.mjs"])("%s refuses a bad setting at start", (script) => {
  it.each([
    ["DATABASE_POOL_SIZE", "abc", "DATABASE_POOL_SIZE must be a whole number from 1 to 1000"],
    ["NEXTAUTH_URL", "not-a-url", "NEXTAUTH_URL must be the http(s) origin browsers use"],
  ])("%s=%s: exits 1 naming the variable and what it expects, before building or serving", async (name, value, message) => {
    const result = await run(script, { [name]: value });
    expect(result.stderr).toContain(`Factdesk cannot start: invalid configuration:`);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("Building");
    expect(result.stdout).not.toContain("ready");
  });

  it("reads .env files as Next does: a bad value there is refused just the same", async () => {
    const withDotEnv = path.join(emptyDir, `dotenv-${path.basename(script)}`);
    mkdirSync(withDotEnv);
    writeFileSync(path.join(withDotEnv, ".env"), "DATABASE_POOL_SIZE=abc\n");
    const result = await run(script, {}, withDotEnv);
    expect(result.stderr).toContain("DATABASE_POOL_SIZE must be a whole number from 1 to 1000");
    expect(result.code).toBe(1);
  });
});

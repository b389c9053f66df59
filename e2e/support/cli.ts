import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { e2eEnv } from "./env";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator CLI exactly as an operator does: `npm run -s user -- <args>`, against the same
 * PostgreSQL database as the server under test. `stdin` is written and closed (passwords go there).
 */
export function runUserCli(args: string[], stdin = "", timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "user", "--", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: e2eEnv.databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm run user -- ${args.join(" ")} did not finish within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

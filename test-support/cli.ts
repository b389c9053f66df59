import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { repoRoot } from "../scripts/lib/next-build.mjs";
import { newPassword, uniqueEmail } from "./users";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator CLI exactly as an operator does: `npm run -s user -- <args>`, against `databaseUrl` (the
 * database of the server under test). `stdin` is written and closed (passwords go there).
 */
export function runUserCli(databaseUrl: string, args: string[], stdin = "", timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "user", "--", ...args], {
      cwd: repoRoot,
      // TEST_DATABASE_URL is the test runners' business, never the CLI's.
      env: { ...process.env, DATABASE_URL: databaseUrl, TEST_DATABASE_URL: "" },
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

export type CliRole = "reader" | "editor" | "admin";

export interface CliUser {
  email: string;
  password: string;
  name: string;
  role: CliRole;
}

/**
 * Creates a user with a fresh email and password through `npm run user -- create … --password-stdin`, as an
 * operator does, and throws unless the CLI says it did. `prefix` starts the email and the default name.
 */
export async function createUserWithCli(
  databaseUrl: string,
  role: CliRole,
  { prefix = role, name }: { prefix?: string; name?: string } = {},
): Promise<CliUser> {
  const user: CliUser = { email: uniqueEmail(prefix), password: newPassword(), name: name ?? `Test ${prefix} ${randomBytes(2).toString("hex")}`, role };
  const args = ["create", "--email", user.email, "--role", role, "--name", user.name, "--password-stdin"];
  const result = await runUserCli(databaseUrl, args, user.password);
  if (result.code !== 0 || !result.stdout.includes(`Created ${role} ${user.email}`)) {
    throw new Error(`npm run user -- create exited ${result.code}:\n${result.stdout}${result.stderr}`);
  }
  return user;
}

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { repoRoot } from "../../../scripts/lib/next-build.mjs";

export interface CliUser {
  email: string;
  password: string;
  name: string;
}

/** Creates a user with the operator CLI, as an operator does: `npm run -s user -- create … --password-stdin`. */
export function createUserWithCli(databaseUrl: string, role: "reader" | "editor" | "admin", label: string, timeoutMs = 60_000): Promise<CliUser> {
  const user = {
    email: `${label}-${randomBytes(4).toString("hex")}@faults.factdesk.test`,
    password: `pw-${randomBytes(12).toString("base64url")}`,
    name: `Faults ${label}`,
  };
  const args = ["run", "-s", "user", "--", "create", "--email", user.email, "--role", role, "--name", user.name, "--password-stdin"];
  return new Promise((resolve, reject) => {
    const child = spawn("npm", args, { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl, TEST_DATABASE_URL: "" }, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm run user -- create did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0 && output.includes(`Created ${role} ${user.email}`)) resolve(user);
      else reject(new Error(`npm run user -- create exited ${code}:\n${output}`));
    });
    child.stdin.end(user.password);
  });
}

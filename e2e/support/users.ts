import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { runUserCli } from "./cli";

export type Role = "reader" | "editor" | "admin";
export interface TestUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

let counter = 0;

/** An address no other test (or earlier run against the same server) has used. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}@e2e.factdesk.test`.toLowerCase();
}

export function newPassword(): string {
  return `pw-${randomBytes(12).toString("base64url")}`;
}

/** Creates a user through the operator CLI, as an operator would, and checks the CLI said so. */
export async function createUserWithCli(role: Role, prefix: string = role): Promise<TestUser> {
  const user: TestUser = { email: uniqueEmail(prefix), password: newPassword(), name: `E2E ${prefix} ${counter}`, role };
  const result = await runUserCli(["create", "--email", user.email, "--role", role, "--name", user.name, "--password-stdin"], user.password);
  expect(result.code, `user create failed:\n${result.stderr}`).toBe(0);
  expect(result.stdout).toContain(`Created ${role} ${user.email}`);
  return user;
}

/** The CLI's `list` output line for an email, or undefined when there is no such user. */
export async function cliListLine(email: string): Promise<string | undefined> {
  const result = await runUserCli(["list"]);
  expect(result.code, `user list failed:\n${result.stderr}`).toBe(0);
  return result.stdout.split("\n").find((line) => line.includes(` ${email} `) || line.endsWith(` ${email}`));
}

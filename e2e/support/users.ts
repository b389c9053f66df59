import { createUserWithCli as createUserOn, type CliRole, type CliUser } from "../../test-support/cli";
import { e2eEnv } from "./env";

export type TestUser = CliUser;

/** Creates a user through the operator CLI, as an operator would, on the database of the server under test. */
export function createUserWithCli(role: CliRole, prefix: string = role, name?: string): Promise<TestUser> {
  return createUserOn(e2eEnv.databaseUrl, role, { prefix, name });
}

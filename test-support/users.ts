import { randomBytes } from "node:crypto";

let counter = 0;

/** An address no other test (or earlier run against the same database server) has used. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}@test.factdesk.test`.toLowerCase();
}

/** A fresh password, long enough for the app's password rule. */
export function newPassword(): string {
  return `pw-${randomBytes(12).toString("base64url")}`;
}

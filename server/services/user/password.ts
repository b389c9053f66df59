import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). @node-rs/argon2 defaults to argon2id;
// its Algorithm enum is a const enum that isolatedModules cannot import, so the default is relied on
// and a unit test asserts the "$argon2id$" prefix.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash must read as "wrong password", not crash the login
  }
}

/** Verified against when the account does not exist, so response time does not reveal which emails are registered. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("factdesk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

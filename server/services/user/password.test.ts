import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery staple"), hashPassword("correct horse battery staple")]);
    expect(a.startsWith("$argon2id$")).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("uses at least OWASP's baseline cost (19 MiB, 2 passes)", async () => {
    const params = /\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(await hashPassword("x".repeat(12)));
    expect(Number(params?.[1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(params?.[2])).toBeGreaterThanOrEqual(2);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it.each(["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$broken", "$2b$10$abcdefghijklmnopqrstuv"])(
    "treats the malformed stored hash %j as a wrong password instead of throwing",
    async (stored) => {
      await expect(verifyPassword(stored, "anything at all")).resolves.toBe(false);
    },
  );
});

import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-some-length-0123456789";
const claims = { name: "Ana Rivera", email: "ana@example.org", sub: "7", uid: 7, sv: 3 };

describe("decodeSessionToken", () => {
  it("reads what next-auth encodes, as next-auth's own decode does", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toEqual(await decode({ token, secret }));
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it("keeps the salt apart: a token for one salt does not open with another", async () => {
    const token = await encode({ token: claims, secret, salt: "other", maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt: "other" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses a token made with another secret, after the key for the first one was kept", async () => {
    const token = await encode({ token: claims, secret: "another-secret-entirely-0123456789", maxAge: 60 });
    await decodeSessionToken({ token: await encode({ token: claims, secret, maxAge: 60 }), secret });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses an expired token beyond next-auth's 15 s of clock tolerance", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    vi.useFakeTimers({ now: Date.now() + 60_000 + 10_000 });
    try {
      expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
      vi.setSystemTime(Date.now() + 10_000);
      await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is no session without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});

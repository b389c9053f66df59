import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

let derived: { secret: JWTDecodeParams["secret"]; salt: string; key: Uint8Array } | undefined;

/**
 * Decrypts a next-auth session token exactly as next-auth's own `decode` (next-auth/jwt) does: JWE dir/A256GCM under a
 * key HKDF-SHA256 derives from the secret, 15 s of clock tolerance on the expiry. It derives that key once per secret
 * instead of on every call: next-auth's derivation is an asynchronous crypto job per request, a thread-pool round
 * trip that cost the signed-in editor's requests more than any one database read at 1M claims (decision 0038).
 * The same version of jose as next-auth's (package.json pins it to next-auth's copy).
 */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload;
}

function encryptionKey(secret: JWTDecodeParams["secret"], salt: string): Uint8Array {
  if (derived?.secret !== secret || derived.salt !== salt) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    derived = { secret, salt, key: new Uint8Array(hkdfSync("sha256", secret, salt, info, 32)) };
  }
  return derived.key;
}

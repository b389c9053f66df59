import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * next-auth refuses to run in production without a secret. When NEXTAUTH_SECRET is not given, one is
 * generated on first start and kept in the data folder (mode 0600), so sessions survive restarts.
 */
export function ensureAuthSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "nextauth-secret");
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  }
  process.env.NEXTAUTH_SECRET = secret;
}

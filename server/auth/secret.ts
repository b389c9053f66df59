import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectory } from "@/db/client";
import { serverEnv } from "../env.mjs";

let cached: string | undefined;

/**
 * The key next-auth signs session tokens with (handed to it as `secret` in options.ts). NEXTAUTH_SECRET when
 * set; otherwise one generated on first start and kept in the data folder (mode 0600), so sessions survive
 * restarts. Called at start (server/startup/start-server.ts) so the file exists before the first request.
 */
export function authSecret(): string {
  cached ??= serverEnv().NEXTAUTH_SECRET ?? storedSecret(dataDirectory());
  return cached;
}

function storedSecret(dataDir: string): string {
  const file = path.join(dataDir, "nextauth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another bundle of this process (Next loads modules more than once) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

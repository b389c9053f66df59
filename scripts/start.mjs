#!/usr/bin/env node
// `npm start`: build when there is no production build or the sources changed since it, then serve it.
// Sets the environment the embedded default needs; anything already set wins.
// The server runs in this process (scripts/serve.mjs, imported below), not in a second Node: one process per
// instance, so its memory is the instance's. package.json's start script gives it its V8 heap limit
// (docs/decisions/0039-server-memory.md).
import nextEnv from "@next/env";
import { entryPointEnvOrExit } from "../server/env.mjs";
import { buildIfNeeded } from "./lib/next-build.mjs";

// A bad setting stops here, named, before the minute-long build (server/env.mjs); .env files read as Next will.
nextEnv.loadEnvConfig(process.cwd(), false, { info() {}, error: console.error });
const config = entryPointEnvOrExit();
const port = String(config.PORT);
// Before Next loads (the import below): it reads these when it starts.
Object.assign(process.env, {
  NEXT_TELEMETRY_DISABLED: "1",
  // We close PGlite ourselves on SIGINT/SIGTERM (server/startup/start-server.ts).
  NEXT_MANUAL_SIG_HANDLE: "true",
  NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: port,
});
// The same staleness check as the test runners (scripts/lib/next-build.mjs), so one list of sources decides.
if (!buildIfNeeded({ label: "start", env: process.env })) process.exit(1);

// scripts/serve.mjs: Next's handler behind the layer that adds the hash-based Content-Security-Policy.
await import("./serve.mjs");

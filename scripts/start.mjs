#!/usr/bin/env node
// `npm start`: build when there is no production build or the sources changed since it, then serve it.
// Sets the environment the embedded default needs; anything already set wins.
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { entryPointEnvOrExit } from "../server/env.mjs";
import { buildIfNeeded } from "./lib/next-build.mjs";

// A bad setting stops here, named, before the minute-long build (server/env.mjs); .env files read as Next will.
nextEnv.loadEnvConfig(process.cwd(), false, { info() {}, error: console.error });
const config = entryPointEnvOrExit();
const port = String(config.PORT);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // We close PGlite ourselves on SIGINT/SIGTERM (server/startup/start-server.ts).
  NEXT_MANUAL_SIG_HANDLE: "true",
  NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
// The same staleness check as the test runners (scripts/lib/next-build.mjs), so one list of sources decides.
if (!buildIfNeeded({ label: "start", env })) process.exit(1);

// scripts/serve.mjs: Next's handler behind the layer that adds the hash-based Content-Security-Policy.
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

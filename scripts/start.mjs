#!/usr/bin/env node
// `npm start`: build when there is no production build or the sources changed since it, then serve it.
// Sets the environment the embedded default needs; anything already set wins.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { entryPointEnvOrExit } from "../server/env.mjs";

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
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "server", "lib", "db", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const buildId = ".next/BUILD_ID";
const stale = !existsSync(buildId) || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
if (stale) {
  console.log("Building the app for production (first start or changed sources; about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// scripts/serve.mjs: Next's handler behind the layer that adds the hash-based Content-Security-Policy.
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { inject } from "vitest";
import { stageServer } from "../../../scripts/lib/next-build.mjs";
import { recordProcessGroup } from "../../../scripts/lib/process-groups.mjs";
import { GiveUp, waitFor } from "../../../test-support/wait";

/**
 * How production serves the build (`npm start` after building, and the e2e suite's webServer in
 * playwright.config.ts): Next's request handler behind scripts/serve.mjs, which adds the hash-based CSP.
 */
const SERVE_COMMAND = ["scripts/serve.mjs"];

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the server to take). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A staged copy of the production build (see scripts/lib/next-build.mjs) with a data folder next to it. */
export interface Installation {
  serverDir: string;
  dataDir: string;
  remove(): void;
}

export function installBuild(label: string): Installation {
  // In the run's state folder, which the runner removes even when the run is interrupted.
  const tempRoot = mkdtempSync(path.join(inject("faultsStateDir"), `${label}-`));
  try {
    const serverDir = stageServer(tempRoot);
    const dataDir = path.join(tempRoot, "data");
    mkdirSync(dataDir);
    return { serverDir, dataDir, remove: () => rmSync(tempRoot, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(tempRoot, { recursive: true, force: true });
    throw error;
  }
}

export interface ServerConfig {
  installation: Installation;
  databaseUrl: string;
  port: number;
  /** Same secret across restarts, so sessions survive them. */
  authSecret: string;
  admin: { email: string; password: string };
}

export function serverConfig(installation: Installation, databaseUrl: string, port: number): ServerConfig {
  return {
    installation,
    databaseUrl,
    port,
    authSecret: randomBytes(32).toString("base64url"),
    admin: { email: `first-admin-${randomBytes(3).toString("hex")}@faults.factdesk.test`, password: randomBytes(18).toString("base64url") },
  };
}

export interface AppServer {
  baseUrl: string;
  pid: number;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Whether the process is still running (it has not exited since it started). */
  running(): boolean;
  /** Resolves when the process has exited (code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group: no shutdown hooks, no flushing, like a crash or the OOM killer. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes its pool and exits), then SIGKILL after a deadline. Idempotent. */
  stop(): Promise<void>;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/**
 * The production server on the staged build, in a process group of its own (detached) so a kill reaches every
 * process it spawned. Waits until /login answers 200 (the database is migrated and seeded by then:
 * instrumentation runs before the server accepts requests).
 */
export async function startAppServer(config: ServerConfig, { readyWithinMs = 60_000 } = {}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${config.port}`;
  const child = spawn(process.execPath, SERVE_COMMAND, {
    cwd: config.installation.serverDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(config.port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: config.databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: config.authSecret,
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_EMAIL: config.admin.email,
      ADMIN_PASSWORD: config.admin.password,
      FACTDESK_DATA_DIR: config.installation.dataDir,
      TEST_DATABASE_URL: "",
    },
  });
  const forget = recordProcessGroup(inject("faultsStateDir"), child.pid!);
  let log = "";
  const keep = (chunk: Buffer) => {
    log += chunk.toString("utf8");
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      forget();
      resolve({ code, signal });
    });
  });
  let gone = false;
  void exited.then(() => (gone = true));

  const kill = async () => {
    signalGroup(child, "SIGKILL");
    await exited;
  };
  const stop = async () => {
    if (gone) return;
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    // Next may leave workers behind in the group when the parent exits first.
    signalGroup(child, "SIGKILL");
  };

  try {
    await waitFor(
      async () => {
        if (gone) throw new GiveUp("the server exited before it was ready");
        const res = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
        await res?.body?.cancel();
        return res?.status === 200;
      },
      { timeoutMs: readyWithinMs, intervalMs: 200, what: `the server on ${baseUrl} to answer /login` },
    );
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${log}`);
  }
  return { baseUrl, pid: child.pid!, output: () => log, running: () => !gone, exited, kill, stop };
}

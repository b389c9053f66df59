import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as forward, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";

/**
 * More app instances for the scale-out specs: the same production server (`node scripts/serve.mjs` from
 * run-e2e's staged build) on the spec's database, started and stopped by the spec, and a round-robin proxy
 * in front of them, as a load balancer would be.
 */
export interface Instance {
  origin: string;
  stop(): Promise<void>;
}

export async function startInstance(port: number, publicOrigin: string, env: Record<string, string> = {}): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "factdesk-instance-"));
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: process.env.E2E_SERVER_DIR ?? process.cwd(),
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: publicOrigin, FACTDESK_DATA_DIR: dataDir, NEXT_MANUAL_SIG_HANDLE: "true", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://localhost:${port}`;
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the instance on port ${port} exited (${child.exitCode}):\n${output}`);
        return output.includes("Factdesk ready on");
      },
      { message: `the instance on port ${port} starts`, timeout: 120_000, intervals: [250] },
    )
    .toBe(true);
  return {
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A plain HTTP proxy sending each request to the next upstream in turn. */
export async function startRoundRobinProxy(port: number, upstreamPorts: number[]): Promise<{ origin: string; stop(): Promise<void> }> {
  let turn = 0;
  const server: Server = createServer((req, res) => {
    const upstreamPort = upstreamPorts[turn++ % upstreamPorts.length]!;
    const upstream = forward({ host: "127.0.0.1", port: upstreamPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://localhost:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

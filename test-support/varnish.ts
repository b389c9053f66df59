import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GiveUp, waitFor } from "./wait";

/**
 * Varnish in front of app instances (e2e/edge-cache.spec.ts, scripts/bench.ts; run from the repository's root),
 * configured from the repository (deploy/varnish/default.vcl, unchanged) and a backends.vcl listing the given
 * instances, as an operator's copy of backends.example.vcl would. varnishd compiles the VCL as its own
 * unprivileged user, so the files go to a directory that user may read.
 */
export async function startVarnish(port: number, backendPorts: number[]): Promise<{ origin: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "factdesk-varnish-"));
  chmodSync(dir, 0o755);
  copyFileSync(path.resolve("deploy/varnish/default.vcl"), path.join(dir, "default.vcl"));
  const backends = backendPorts.map((p, i) => `backend app${i} { .host = "127.0.0.1"; .port = "${p}"; }`).join("\n");
  const adds = backendPorts.map((_, i) => `    factdesk.add_backend(app${i});`).join("\n");
  writeFileSync(path.join(dir, "backends.vcl"), `import directors;\n${backends}\nsub vcl_init {\n    new factdesk = directors.round_robin();\n${adds}\n}\n`);
  for (const file of ["default.vcl", "backends.vcl"]) chmodSync(path.join(dir, file), 0o644);
  const child: ChildProcess = spawn(
    "varnishd",
    ["-F", "-f", path.join(dir, "default.vcl"), "-p", `vcl_path=${dir}`, "-a", `127.0.0.1:${port}`, "-n", path.join(dir, "work"), "-s", "malloc,64m", "-T", "none"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.on("error", (error) => (output += `could not start varnishd (install the varnish and varnish-modules packages): ${error.message}\n`));
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://localhost:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.pid === undefined) throw new GiveUp(`varnishd exited (${child.exitCode}):\n${output}`);
      return fetch(`${origin}/`, { method: "HEAD" }).then((r) => r.status > 0, () => false);
    },
    { timeoutMs: 30_000, intervalMs: 100, what: "Varnish to accept requests" },
  );
  return {
    origin,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

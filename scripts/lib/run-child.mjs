// Shared by the runners (test-all.mjs, run-e2e.mjs, test-faults.mjs): one way to run a step as a child process.
import { spawn } from "node:child_process";

/**
 * Runs a child process to completion, passing our SIGINT/SIGTERM on to it (so Ctrl-C stops the tests, and
 * then our cleanup runs), and resolves with its exit code (1 when it could not start or died by a signal).
 * @param {string} label prefix for the one message this prints, e.g. "e2e"
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnOptions} options
 * @returns {Promise<number>}
 */
export function runChild(label, command, args, options) {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    const done = (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code);
    };
    child.on("exit", (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`${label}: could not start ${command}: ${error.message}`);
      done(1);
    });
  });
}

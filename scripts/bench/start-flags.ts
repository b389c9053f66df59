import { readFileSync } from "node:fs";

/**
 * The Node flags `npm start` gives the server (package.json's start script, e.g. its V8 heap limit): the
 * benchmarks start their server with them, so they measure what production runs.
 */
export const START_NODE_FLAGS: string[] = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith("--"));

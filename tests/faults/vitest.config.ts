import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The fault tests (`npm run test:faults`, scripts/test-faults.mjs): real PostgreSQL, real production servers
 * (scripts/serve.mjs, as `npm start` runs them) on the production build. One scenario at a time: they
 * measure latencies and kill processes, and two servers building pages on 2 cores would skew both.
 */
export default defineConfig({
  root,
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    name: "faults",
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    globalSetup: [path.join(root, "tests/faults/global-setup.ts")],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
  },
});

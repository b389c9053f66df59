import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  // tsconfig's `@/*` -> `./*`. A regex so "@trpc/server" and other scoped packages are left alone.
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "server/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Creates a fresh PostgreSQL database for the run, migrates it and drops it afterwards.
          globalSetup: [path.join(root, "tests/integration/global-setup.ts")],
          // Real argon2, real PostgreSQL, PGlite cold starts (~4.5 s) and child processes.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

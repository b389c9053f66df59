import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Every outgoing request of the server goes through server/fetch (SSRF checks, pinned addresses, caps, timeouts).
const DIRECT_REQUEST = "Outgoing requests go through server/fetch (safeFetch), which checks every address and redirect.";
const TEST_ONLY_ALLOW = "testOnlyAllow opens loopback addresses to the fetcher: only tests may pass it.";
const INTERNAL_ORIGIN = "configuredInternalOrigin opens an internal address to the fetcher: only server/fetch's edgePurgeFetcher passes it.";
const testFiles = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "tests/**"];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"],
  },
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE rewrites a whole table: make it impossible to write by accident.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["server/**/*.{ts,tsx,js,mjs}", "lib/**/*.{ts,tsx,js,mjs}"],
    ignores: ["server/fetch/**", ...testFiles],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='fetch']", message: DIRECT_REQUEST },
        { selector: "CallExpression[callee.object.name=/^(globalThis|global|window|self)$/][callee.property.name='fetch']", message: DIRECT_REQUEST },
        { selector: "CallExpression[callee.object.name=/^(http|https|http2)$/][callee.property.name=/^(request|get|connect)$/]", message: DIRECT_REQUEST },
        { selector: "CallExpression[callee.object.name=/^(net|tls)$/][callee.property.name=/^(connect|createConnection)$/]", message: DIRECT_REQUEST },
        { selector: "Property[key.name='testOnlyAllow']", message: TEST_ONLY_ALLOW },
        { selector: "Property[key.name='configuredInternalOrigin']", message: INTERNAL_ORIGIN },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["http", "https", "node:http", "node:https"].map((name) => ({ name, importNames: ["request", "get"], message: DIRECT_REQUEST })),
            ...["undici", "node-fetch", "axios", "got"].map((name) => ({ name, message: DIRECT_REQUEST })),
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.{ts,mjs}", "*.ts"],
    ignores: testFiles,
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Property[key.name='testOnlyAllow']", message: TEST_ONLY_ALLOW },
        { selector: "Property[key.name='configuredInternalOrigin']", message: INTERNAL_ORIGIN },
      ],
    },
  },
];

export default config;

import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The project's own ESLint configuration, run on snippets placed where they would live.
const eslint = new ESLint({ cwd: path.join(import.meta.dirname, "../..") });

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-syntax" || m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("ESLint: outgoing requests only through server/fetch", () => {
  // Loading the Next/TypeScript configuration takes seconds on a busy machine; the cases below reuse it.
  beforeAll(() => refusals("server/x.ts", "export {};"), 120_000);

  it.each([
    ["server/services/source/x.ts", `export const page = () => fetch("https://example.com");`],
    ["server/services/source/x.ts", `export const page = () => globalThis.fetch("https://example.com");`],
    ["lib/import/x.ts", `import http from "node:http";\nexport const page = () => http.get("http://example.com");`],
    ["server/x.ts", `import https from "node:https";\nexport const page = () => https.request("https://example.com");`],
    ["server/x.ts", `import { request } from "node:http";\nexport const page = request;`],
    ["server/x.ts", `import { fetch } from "undici";\nexport const page = fetch;`],
  ])("refuses a direct request in %s: %s", async (file, code) => {
    const messages = await refusals(file, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.includes("server/fetch"))).toBe(true);
  });

  it.each([
    ["server/fetch/x.ts", `import http from "node:http";\nexport const page = () => http.request("http://example.com");`],
    ["server/http/x.test.ts", `export const page = () => fetch("http://127.0.0.1:1/");`],
    ["server/http/x.ts", `import { createServer } from "node:http";\nexport const server = createServer();`],
  ])("allows %s", async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });

  it.each(["server/services/source/x.ts", "app/x.ts"])("refuses the test-only allow-list in %s", async (file) => {
    const code = `export const settings = { testOnlyAllow: [{ address: "127.0.0.1", port: 80 }] };`;
    expect(await refusals(file, code)).toEqual([expect.stringContaining("only tests")]);
  });
});

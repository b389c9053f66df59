import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "../..");

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "-s", "canonical-url", "--", ...args], { cwd: root }, (error, stdout) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

// Each test starts npm and tsx: seconds on a busy 2-core machine, so a ceiling well above vitest's 5 s default.
describe("npm run -s canonical-url", { timeout: 60_000 }, () => {
  it("prints one line per argument, in order, and fails when any was rejected", async () => {
    const { code, stdout } = await run([
      "http://www.youtube.com/watch?v=cxghDz524HQ&t=42",
      "http://2130706433/",
      "HTTPS://WWW.Example.COM/a/?utm_source=x#top",
      "javascript:alert(1)",
    ]);
    expect(stdout.split("\n")).toEqual([
      "https://youtube.com/watch?v=cxghDz524HQ",
      'REJECT: "http://2130706433/" points at 127.0.0.1, a loopback address on this computer: only public websites can be sources',
      "https://example.com/a",
      'REJECT: "javascript:alert(1)" is not a web address: only http and https links can be sources',
      "",
    ]);
    expect(code).toBe(1);
  });

  it("exits 0 when every link is accepted", async () => {
    const { code, stdout } = await run(["https://example.com/"]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: "https://example.com\n" });
  });
});

import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { DEMO } from "../test-support/demo";
import { createUserWithCli } from "./support/users";

/** The script-src directive of a response's Content-Security-Policy. */
function scriptSrc(policy: string | undefined): string {
  return (policy ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

/** Collects CSP violations the browser reports while the page runs. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("Content-Security-Policy and security headers", () => {
  test("the cached reader page allows only its own hashed inline scripts, and its scripts run", async ({ page, request }) => {
    const url = `/a/${DEMO.slug}`;
    const first = await request.get(url);
    const second = await request.get(url); // served from the full-route cache
    for (const response of [first, second]) {
      const headers = response.headers();
      const directive = scriptSrc(headers["content-security-policy"]);
      expect(directive).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
    }
    const violations = watchViolations(page);
    await page.goto(url);
    // The account link is filled in by client-side JavaScript: it appears only if the hashed scripts ran.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("dynamic pages get the same strict policy and work signed in", async ({ page, request }) => {
    const login = await request.get("/login");
    expect(scriptSrc(login.headers()["content-security-policy"])).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    const violations = watchViolations(page);
    const editor = await createUserWithCli("editor", "csp-editor");
    await signIn(page, editor.email, editor.password);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    expect(violations).toEqual([]);
    // The session cookie is out of reach of scripts and not sent on cross-site subrequests.
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session, "session cookie").toBeDefined();
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });

  test("only the embed card may be framed, and the SVG badge can run nothing", async ({ request }) => {
    const card = await request.get(`/embed/${DEMO.slug}`);
    expect(card.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(card.headers()["x-frame-options"]).toBeUndefined();
    const badge = await request.get(`/embed/${DEMO.slug}.svg`);
    expect(badge.headers()["content-security-policy"]).toContain("default-src 'none'");
    for (const path of ["/", "/login", `/a/${DEMO.slug}`]) {
      expect((await request.get(path)).headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  });
});

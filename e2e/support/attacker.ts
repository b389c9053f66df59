import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny HTTP server on 127.0.0.1 playing the attacker's site: a different origin from the app. It serves
 * the HTML it was given at each path, and nothing else.
 */
export async function startAttackerSite(pages: Record<string, string>): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? "/", "http://attacker").pathname];
    res.writeHead(html === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html ?? "not here");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A page that posts a form to `action` as soon as it loads, the classic CSRF shape. */
export function autoSubmittingForm(action: string, enctype: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n    ");
  return `<!doctype html>
<html><head><title>You won a prize</title></head>
<body>
  <form id="f" method="post" enctype="${enctype}" action="${escapeHtml(action)}">
    ${inputs}
  </form>
  <script>document.getElementById("f").submit();</script>
</body></html>`;
}

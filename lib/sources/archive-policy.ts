/**
 * The CSP of an archived copy at /archive/<id>. `sandbox` without `allow-scripts` (and without
 * `allow-same-origin`) runs the document in an opaque origin with scripts, forms, plugins and popups off, so a
 * hostile page we copied can neither run nor read anything of the app's. Nothing outside the copy loads either:
 * no images, fonts or frames from the original site (a reader's visit is not reported to it), only inline styles
 * and images embedded as data. Set by next.config.ts (whose headers override a route's own) and by the route.
 */
export const ARCHIVE_CONTENT_SECURITY_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

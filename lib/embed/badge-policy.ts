/**
 * The CSP of the SVG badge. An SVG opened directly is a document that could run script: nothing but
 * inline presentation may load, and like every page except /embed/<slug> it may not be framed (an
 * <img> is unaffected). Shared by next.config.ts, whose headers override a route's own, and the route.
 */
export const BADGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

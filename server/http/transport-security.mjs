// Plain JavaScript: scripts/serve.mjs (plain Node) uses it.

/**
 * HSTS for a site served over https (two years, subdomains too); nothing for plain http, where browsers
 * ignore it and a developer on localhost must not be pinned to https.
 * @param {string | undefined} publicUrl the origin browsers use (NEXTAUTH_URL)
 * @returns {string | null}
 */
export function strictTransportSecurity(publicUrl) {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

// The app's configuration: every environment variable it reads, parsed once with zod; nothing else in app/,
// components/, server/, db/ or lib/ reads process.env. Plain JavaScript, because scripts/start.mjs and
// scripts/serve.mjs run under plain Node and must refuse a bad value before the slow build or app.prepare();
// TypeScript infers the types from the schema (tsconfig allowJs; docs/decisions/0008-configuration-module.md).
// A new variable goes in `envSchema` below, then in .env.example and the README's Configuration table:
// server/env.test.ts fails until the three agree.
import { z } from "zod";

if (typeof window !== "undefined") throw new Error("server/env.mjs is server-only: browsers never see the configuration.");

/**
 * A whole number in [min, max]; the message says what is expected.
 * @param {number} min @param {number} max @param {number} fallback
 */
const wholeNumber = (min, max, fallback) => {
  const expected = { error: `a whole number from ${min} to ${max}` };
  return z.coerce.number(expected).int(expected).min(min, expected).max(max, expected).default(fallback);
};

export const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "a postgres:// URL, e.g. postgres://user:pass@host:5432/factdesk" }).optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 1000, 10),
  FACTDESK_DATA_DIR: z.string().default("./.data"),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "the http(s) origin browsers use, e.g. https://factdesk.example.org" }).optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.email({ error: "an email address, e.g. admin@example.org" }).optional(),
  ADMIN_PASSWORD: z.string().optional(),
  PORT: wholeNumber(1, 65535, 3000),
  FACTDESK_HOSTNAME: z.string().default("localhost"),
  FACTDESK_SKIP_DEMO: z.stringbool({ error: "1 or 0 (also true/false, yes/no)" }).default(false),
  // Background jobs (server/jobs, docs/decisions/0015): archiving cited sources and the link-rot watch.
  FACTDESK_JOBS: z.stringbool({ error: "1 or 0 (also true/false, yes/no)" }).default(true),
  CAPTURE_RETRY_LIMIT: wholeNumber(0, 20, 5),
  LINK_CHECK_PERIOD_DAYS: wholeNumber(1, 365, 7),
  LINK_DEAD_AFTER_FAILURES: wholeNumber(1, 100, 3),
  LINK_DEAD_AFTER_DAYS: wholeNumber(0, 365, 3),
  FETCH_HOST_GAP_MS: wholeNumber(0, 600000, 5000),
  // A purgeable shared cache in front (Varnish with xkey, deploy/varnish; docs/caching.md "At the edge"): where
  // the app sends its purges. Unset: no edge cache, and public outputs tell shared caches to revalidate every time.
  FACTDESK_EDGE_PURGE_URL: z.url({ protocol: /^https?$/, error: "the http(s) URL of the edge cache's purge endpoint, e.g. http://127.0.0.1:6081/" }).optional(),
  // TESTS ONLY (decision 0029): names under .test that the fetcher resolves to a loopback address:port, for
  // end-to-end tests that serve sources from a local test server. Honoured only while NEXTAUTH_URL is itself a
  // loopback origin (server/fetch/app-fetcher.ts), so a deployment people reach ignores it.
  FACTDESK_TEST_FETCH_HOSTS: z
    .string()
    .regex(/^[a-z0-9.-]+\.test=(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]):\d{1,5}(,[a-z0-9.-]+\.test=(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]):\d{1,5})*$/, {
      error: "a comma-separated list of name.test=loopback-address:port, e.g. sources.e2e.test=127.0.0.1:4105 (tests only)",
    })
    .optional(),
});

/** @typedef {z.output<typeof envSchema>} ServerEnv The parsed configuration; TypeScript infers it from the schema (allowJs). */

export class InvalidEnvironmentError extends Error {
  name = "InvalidEnvironmentError";
}

/**
 * Parses `source` (an environment); an empty value counts as unset. Throws InvalidEnvironmentError naming every bad variable.
 * @param {Record<string, string | undefined>} source
 * @returns {ServerEnv}
 */
export function parseEnv(source) {
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(given);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")} must be ${issue.message} (see .env.example).`);
  throw new InvalidEnvironmentError(`invalid configuration:\n${lines.join("\n")}`);
}

const holder = /** @type {{ __factdeskEnv?: ServerEnv }} */ (globalThis);

/** This process's configuration, parsed on first use and kept for the process (Next bundles modules more than once). */
export function serverEnv() {
  holder.__factdeskEnv ??= parseEnv(process.env);
  return holder.__factdeskEnv;
}

/**
 * For the plain-Node entry points (scripts/start.mjs, scripts/serve.mjs): the configuration, or a message naming
 * what is wrong and exit code 1. Not kept for serverEnv(): the app parses the environment Next finally gives it.
 */
export function entryPointEnvOrExit() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(`Factdesk cannot start: ${error.message}`);
    process.exit(1);
  }
}

/** What scripts/run-e2e.mjs hands the tests (see playwright.config.ts). */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm run test:e2e\`.`);
  return value;
}

export const e2eEnv = {
  /** The fresh database the server under test uses; the CLI and the tests' own checks use it too. */
  get databaseUrl() {
    return required("DATABASE_URL");
  },
  /** The first admin the server created at start from ADMIN_EMAIL/ADMIN_PASSWORD. */
  get firstAdmin() {
    return { email: required("ADMIN_EMAIL"), password: required("ADMIN_PASSWORD") };
  },
};

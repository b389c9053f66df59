/** Signs in through next-auth's credentials endpoint as a browser form would, and returns the cookies. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const login = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = [...jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  if (!cookies.includes("session-token")) throw new Error(`could not sign in as ${email} (HTTP ${login.status})`);
  return cookies;
}

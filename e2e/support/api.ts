import { request, type APIRequestContext } from "@playwright/test";

export const adminPassword = process.env.E2E_ADMIN_PASSWORD!;
export const demoPassword = process.env.E2E_DEMO_PASSWORD!;
export const dataDir = process.env.E2E_DATA_DIR!;

/** An API client signed in through next-auth's credentials flow, as a script would do it. */
export async function signedInApi(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" }, maxRedirects: 0 });
  if (res.status() >= 400) throw new Error(`sign-in as ${username} failed: ${res.status()}`);
  const session = await (await api.get("/api/auth/session")).json();
  if (session?.user?.name !== username) throw new Error(`sign-in as ${username} did not create a session`);
  return api;
}

export const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

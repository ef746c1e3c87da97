// Identity journeys: forced password change, personal access tokens, lockout and unlock, and sign-in
// through real identity providers (an oidc-provider process and slapd, both on 127.0.0.1) into
// workspaces via group bindings.
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { startOidcProvider, type TestOidcProvider } from "../tests/support/oidc-provider";
import { LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD, LDAP_SUFFIX, startLdap, type TestLdap } from "../tests/support/ldap";

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("an admin-created user must choose a new password before anything else", async ({ page, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const username = unique("newbie");
  expect((await admin.post("/api/v1/users", { data: { username, password: "first-password-from-admin" } })).status()).toBe(201);

  const api = await signedInApi(baseURL!, username, "first-password-from-admin");
  const refused = await api.get("/api/v1/workspaces");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("password_change_required");
  expect((await api.get("/api/v1/me")).status()).toBe(200);

  await signIn(page, username, "first-password-from-admin");
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("Current password").fill("first-password-from-admin");
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Confirm new password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is too common; choose another.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("my-own-good-passphrase");
  await page.getByLabel("Confirm new password").fill("my-own-good-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/change-password/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  // The API session signed in before the change was ended by it.
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await Promise.all([admin.dispose(), api.dispose()]);
});

test("a personal access token made on the profile page calls the API until it is revoked", async ({ page, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const username = unique("tok");
  const password = "token-user-passphrase";
  expect((await admin.post("/api/v1/users", { data: { username, password, mustChangePassword: false } })).status()).toBe(201);

  await signIn(page, username, password);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/profile");
  await page.getByLabel("Token name").fill("ci");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^tnt_/);

  const bearer = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const me = await bearer.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).username).toBe(username);
  // The token holds the owner's permissions, never more: a regular user cannot list users.
  expect((await bearer.get("/api/v1/users")).status()).toBe(403);

  await page.getByRole("button", { name: "Revoke ci" }).click();
  await page.getByRole("dialog", { name: "Revoke token ci?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("button", { name: "Revoke ci" })).toHaveCount(0);
  expect((await bearer.get("/api/v1/me")).status()).toBe(401);
  await Promise.all([admin.dispose(), bearer.dispose()]);
});

test("five failed sign-ins lock the account until an admin unlocks it", async ({ baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const username = unique("lock");
  const password = "lockout-user-passphrase";
  expect((await admin.post("/api/v1/users", { data: { username, password, mustChangePassword: false } })).status()).toBe(201);
  for (let i = 0; i < 5; i++) await expect(signedInApi(baseURL!, username, "wrong-password-guess")).rejects.toThrow();
  await expect(signedInApi(baseURL!, username, password)).rejects.toThrow();
  const user = await (await admin.get(`/api/v1/users/${username}`)).json();
  expect(user.lockedUntil).not.toBeNull();
  const records = (await (await admin.get(`/api/v1/users/${username}/login-records`)).json()).items;
  expect(records[0]).toMatchObject({ outcome: "failure", reason: "account locked" });

  expect((await admin.post(`/api/v1/users/${username}/unlock`)).status()).toBe(200);
  const api = await signedInApi(baseURL!, username, password);
  expect((await api.get("/api/v1/me")).status()).toBe(200);
  await Promise.all([admin.dispose(), api.dispose()]);
});

/** Signs in through next-auth's credentials flow of `provider` ("credentials" for local accounts); true when it let the user in. */
async function signInVia(api: APIRequestContext, provider: string, username: string, password: string): Promise<boolean> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post(`/api/auth/callback/${provider}`, { form: { csrfToken, username, password, json: "true" }, maxRedirects: 0 });
  return (await (await api.get("/api/auth/session")).json())?.user?.name === username;
}

test("an admin sees a user's sign-ins and sessions on the user's page, lifts the lock and ends the sessions", async ({ page, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const username = unique("watched");
  const password = "watched-user-passphrase";
  expect((await admin.post("/api/v1/users", { data: { username, password, mustChangePassword: false } })).status()).toBe(201);
  const sessions = [await signedInApi(baseURL!, username, password), await signedInApi(baseURL!, username, password)];
  // The address is the TCP peer's: a client's own X-Forwarded-For (or the console's internal header) changes nothing.
  const forger = await request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7", "x-tenantry-peer": "203.0.113.8" } });
  for (let i = 0; i < 5; i++) expect(await signInVia(forger, "credentials", username, "wrong-password-guess")).toBe(false);
  const records = (await (await admin.get(`/api/v1/users/${username}/login-records`)).json()).items as { sourceIp: string }[];
  expect(records).toHaveLength(7);
  expect(records.map((r) => r.sourceIp).filter((ip) => !/^(127\.0\.0\.1|::1)$/.test(ip))).toEqual([]);

  await signIn(page, "admin", adminPassword);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/users");
  await page.getByRole("link", { name: username }).click();
  await expect(page.getByRole("heading", { name: username })).toBeVisible();
  const history = page.getByRole("table", { name: `Sign-in attempts of ${username}, newest first` });
  await expect(history.getByRole("row")).toHaveCount(8);
  await expect(history.getByText("Failed: invalid username or password")).toHaveCount(5);
  await expect(history).not.toContainText("203.0.113");
  await expect(page.getByText(/^Locked until /)).toBeVisible();
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("dialog", { name: `Unlock ${username}?` }).getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByText("Not locked")).toBeVisible();

  const live = page.getByRole("table", { name: `Active sessions of ${username}` }).getByRole("row");
  await expect(live).toHaveCount(3);
  await live.nth(1).getByRole("button", { name: "End session" }).click();
  await page.getByRole("dialog", { name: "End this session?" }).getByRole("button", { name: "End session" }).click();
  await expect(live).toHaveCount(2);
  const stillIn = async () => (await Promise.all(sessions.map(async (s) => (await s.get("/api/v1/me")).status()))).filter((s) => s === 200).length;
  expect(await stillIn()).toBe(1);
  await page.getByRole("button", { name: "End all sessions" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End all sessions" }).click();
  await expect(page.getByText("No active sessions.")).toBeVisible();
  expect(await stillIn()).toBe(0);
  await Promise.all([admin.dispose(), forger.dispose(), ...sessions.map((s) => s.dispose())]);
});

test.describe("OpenID Connect", () => {
  let oidc: TestOidcProvider;
  const provider = unique("oidc");
  const workspace = unique("oidc-ws");

  test.beforeAll(async ({ baseURL }) => {
    oidc = await startOidcProvider({
      redirectUri: `${baseURL}/api/auth/callback/oidc-${provider}`,
      accounts: { ann: { email: "ann@example.test", name: "Ann from OIDC", groups: ["dev-team"] }, olaf: { groups: [] } },
      // Like providers that keep them out of the ID token: only the userinfo endpoint has these.
      userinfoOnly: ["groups", "email", "name"],
    });
    const admin = await signedInApi(baseURL!, "admin", adminPassword);
    expect((await admin.post("/api/v1/workspaces", { data: { name: workspace, clusters: ["host"] } })).status()).toBe(201);
    const created = await admin.post("/api/v1/identity-providers", {
      data: { name: provider, type: "oidc", displayName: "Test OIDC", config: { issuer: oidc.issuer, clientId: oidc.clientId, scopes: "openid email profile groups" }, secret: oidc.clientSecret },
    });
    expect(created.status()).toBe(201);
    expect(JSON.stringify(await created.json())).not.toContain(oidc.clientSecret);
    expect((await admin.post(`/api/v1/identity-providers/${provider}/bindings`, { data: { group: "dev-team", workspace, role: "viewer" } })).status()).toBe(201);
    const test = await admin.post(`/api/v1/identity-providers/${provider}/test`);
    expect(await test.json()).toMatchObject({ ok: true });
    await admin.dispose();
  });

  test.afterAll(async ({ baseURL }) => {
    const admin = await signedInApi(baseURL!, "admin", adminPassword);
    await admin.delete(`/api/v1/identity-providers/${provider}`);
    await admin.dispose();
    await oidc?.stop();
  });

  async function signInThroughProvider(page: Page, login: string) {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with Test OIDC" }).click();
    await expect(page).toHaveURL(new RegExp(`^${oidc.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: /sign-in/i }).click();
    await page.getByRole("button", { name: /continue/i }).click();
  }

  test("a user signs in through the provider's authorization code flow and lands in the bound workspace", async ({ page }) => {
    await signInThroughProvider(page, "ann");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const me = await (await page.request.get("/api/v1/me")).json();
    expect(me).toMatchObject({ username: "ann", email: "ann@example.test", displayName: "Ann from OIDC", mustChangePassword: false });
    const workspaces = (await (await page.request.get("/api/v1/workspaces")).json()).items.map((w: { name: string }) => w.name);
    expect(workspaces).toContain(workspace);
    const records = (await (await page.request.get("/api/v1/me/login-records")).json()).items;
    expect(records[0]).toMatchObject({ provider, outcome: "success" });
  });

  test("a user outside the bound group gets no workspace", async ({ page }) => {
    await signInThroughProvider(page, "olaf");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const workspaces = (await (await page.request.get("/api/v1/workspaces")).json()).items.map((w: { name: string }) => w.name);
    expect(workspaces).not.toContain(workspace);
  });
});

test.describe("LDAP", () => {
  let ldap: TestLdap;
  const provider = unique("ldap");
  const workspace = unique("ldap-ws");

  test.beforeAll(async ({ baseURL }) => {
    ldap = await startLdap([{ uid: "lena", password: "lena-directory-pass", name: "Lena Ops", mail: "lena@example.test", groups: ["ops"] }]);
    const admin = await signedInApi(baseURL!, "admin", adminPassword);
    expect((await admin.post("/api/v1/workspaces", { data: { name: workspace, clusters: ["host"] } })).status()).toBe(201);
    const config = { url: ldap.url, bindDn: LDAP_ADMIN_DN, userBase: `ou=people,${LDAP_SUFFIX}`, groupBase: `ou=groups,${LDAP_SUFFIX}` };
    expect((await admin.post("/api/v1/identity-providers", { data: { name: provider, type: "ldap", displayName: "Company directory", config, secret: LDAP_ADMIN_PASSWORD } })).status()).toBe(201);
    expect((await admin.post(`/api/v1/identity-providers/${provider}/bindings`, { data: { group: "ops", workspace, role: "admin" } })).status()).toBe(201);
    await admin.dispose();
  });

  test.afterAll(async ({ baseURL }) => {
    const admin = await signedInApi(baseURL!, "admin", adminPassword);
    await admin.delete(`/api/v1/identity-providers/${provider}`);
    await admin.dispose();
    await ldap?.stop();
  });

  test("a directory user signs in on the sign-in page and administers the workspace their group is bound to", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Account").selectOption({ label: "Company directory" });
    await page.getByLabel("Username").fill("lena");
    await page.getByLabel("Password").fill("lena-directory-pass");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const me = await (await page.request.get("/api/v1/me")).json();
    expect(me).toMatchObject({ username: "lena", email: "lena@example.test" });
    const perms = await (await page.request.get(`/api/v1/me/permissions?workspace=${workspace}`)).json();
    expect(perms.permissions).toContain("workspace-members.manage");
  });

  test("an admin edits the provider in the console, tests it before saving, turns it off and deletes it", async ({ page, baseURL }) => {
    await signIn(page, "admin", adminPassword);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.goto("/settings/identity-providers");
    const cardOf = (title: string) => page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });
    const card = cardOf("Company directory (LDAP)");
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(card.getByRole("status")).toContainText("Connected: Bound as the service account");

    // Over LDAPS with the directory's CA. A new destination gets the service password typed again: the stored
    // one is sent only to the stored destination (#13 item 4).
    await card.getByRole("button", { name: "Edit Company directory" }).click();
    await card.getByLabel("Display name", { exact: true }).fill("Company LDAP");
    await card.getByLabel("Server URL").fill(ldap.ldapsUrl);
    await card.getByLabel("Service account password").fill(LDAP_ADMIN_PASSWORD);
    await card.getByRole("button", { name: "Test connection" }).last().click();
    await expect(card.getByRole("status").last()).toContainText("Failed:");
    await card.getByLabel("CA certificate (PEM)").fill(ldap.caCert);
    await card.getByRole("button", { name: "Test connection" }).last().click();
    await expect(card.getByRole("status").last()).toContainText("Connected:");
    await card.getByRole("button", { name: "Save" }).click();
    const saved = cardOf("Company LDAP (LDAP)");
    await expect(saved.getByText(ldap.ldapsUrl)).toBeVisible();
    const directory = await request.newContext({ baseURL });
    expect(await signInVia(directory, `ldap-${provider}`, "lena", "lena-directory-pass")).toBe(true);

    await saved.getByRole("button", { name: "Disable Company LDAP" }).click();
    await page.getByRole("dialog", { name: "Disable Company LDAP?" }).getByRole("button", { name: "Disable" }).click();
    await expect(saved.getByRole("button", { name: "Enable Company LDAP" })).toBeVisible();
    const afterwards = await request.newContext({ baseURL });
    expect(await signInVia(afterwards, `ldap-${provider}`, "lena", "lena-directory-pass")).toBe(false);

    await page.getByRole("button", { name: "Delete Company LDAP" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Company LDAP (LDAP)")).toHaveCount(0);
    const admin = await signedInApi(baseURL!, "admin", adminPassword);
    expect((await admin.get(`/api/v1/identity-providers/${provider}`)).status()).toBe(404);
    await Promise.all([admin.dispose(), directory.dispose(), afterwards.dispose()]);
  });
});

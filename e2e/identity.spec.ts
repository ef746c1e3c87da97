// Identity journeys: forced password change, personal access tokens, lockout and unlock, and sign-in
// through real identity providers (an oidc-provider process and slapd, both on 127.0.0.1) into
// workspaces via group bindings.
import { expect, request, test, type Page } from "@playwright/test";
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

test.describe("OpenID Connect", () => {
  let oidc: TestOidcProvider;
  const provider = unique("oidc");
  const workspace = unique("oidc-ws");

  test.beforeAll(async ({ baseURL }) => {
    oidc = await startOidcProvider({
      redirectUri: `${baseURL}/api/auth/callback/oidc-${provider}`,
      accounts: { ann: { email: "ann@example.test", name: "Ann from OIDC", groups: ["dev-team"] }, olaf: { groups: [] } },
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
});

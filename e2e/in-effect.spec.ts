// #15 items 1, 2 and 12 in the browser: the quota editor opens with what is in effect and says where each value
// comes from, and its YAML is the API object; a pool that changes projects' quotas names them and asks first;
// tokens and kubeconfigs copy; a revoked token's box goes; other sessions sign out at once; user agents read as
// people name them; the webhook card shows the files it asks for; the fresh demo has an audit history.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

const PASSWORD = "in-effect-password-1";
let admin: APIRequestContext;
let ws: string;
let project: string;

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  // A tenant of this file's own: its pool changes touch no other spec's projects.
  ws = unique("fx");
  project = unique("fxp");
  expect((await admin.post("/api/v1/workspaces", { data: { name: ws, clusters: ["host"] } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: project, cluster: "host" } })).status()).toBe(201);
});

test.afterAll(async () => {
  await admin?.dispose();
});

/** A fresh browser session signed in as `username`, allowed to use the clipboard. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

test("a pool that would zero projects' quotas names them, asks, and saves nothing until confirmed", async ({ browser }) => {
  const page = await signedIn(browser, "admin", adminPassword);
  await page.goto(`/workspaces/${ws}/quotas`);
  await page.getByRole("button", { name: "Set pool" }).click();
  await page.getByRole("textbox", { name: "Pool requests.cpu" }).fill("4");
  await page.getByRole("textbox", { name: "Pool requests.memory" }).fill("8Gi");
  await page.getByRole("button", { name: "Save pool" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the quota of 1 projects?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("pool-impact")).toContainText(`${project}: requests.cpu no limit → 0, requests.memory no limit → 0`);
  await expect(dialog).toContainText("refuses new pods");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const pool = async () => (await (await admin.get(`/api/v1/workspaces/${ws}/quotas/host`)).json()).hard;
  expect(await pool()).toBeNull();

  await page.getByRole("button", { name: "Save pool" }).click();
  await dialog.getByRole("button", { name: "Save and change them" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(pool).toEqual({ "requests.cpu": "4", "requests.memory": "8Gi" });
  await page.context().close();
});

test("the quota editor opens with the values in effect, each set here or inherited; the YAML is the API object", async ({ browser }) => {
  const pool = await admin.put(`/api/v1/workspaces/${ws}/quotas/host`, { data: { hard: { "requests.cpu": "4", "requests.memory": "8Gi" } } });
  expect(pool.status()).toBe(200);
  expect((await admin.put(`/api/v1/workspaces/${ws}/projects/${project}/quota`, { data: { hard: { "requests.cpu": "1" } } })).status()).toBe(200);
  const page = await signedIn(browser, "admin", adminPassword);
  await page.goto(`/workspaces/${ws}/projects/${project}/quota`);
  const usage = page.getByRole("list", { name: "Project quota usage" });
  await expect(usage.getByTestId("usage-requests.cpu")).toContainText("set here");
  await expect(usage.getByTestId("usage-requests.memory")).toContainText("inherited · pool, no share");
  await expect(usage.getByTestId("usage-pods")).toContainText("inherited · Tenantry default");

  await page.getByRole("button", { name: "Edit quota" }).click();
  // Every value in effect is in the editor, inherited ones included.
  await expect(page.getByRole("textbox", { name: "Quota requests.memory" })).toHaveValue("0");
  await expect(page.getByRole("textbox", { name: "Quota pods" })).toHaveValue("100");
  await page.getByRole("textbox", { name: "Quota pods" }).fill("50");
  await page.getByRole("button", { name: "Save quota" }).click();
  await expect(page.getByRole("button", { name: "Edit quota" })).toBeVisible();
  const quota = await (await admin.get(`/api/v1/workspaces/${ws}/projects/${project}/quota`)).json();
  // The changed value is the project's own; the unchanged inherited ones stayed inherited.
  expect(quota.hard).toEqual({ pods: "50", "requests.cpu": "1" });
  expect(quota.sources).toMatchObject({ pods: "project", "requests.cpu": "project", "requests.memory": "pool", persistentvolumeclaims: "built-in" });

  // Container defaults the quota needs appear as automatic until someone sets them.
  await expect(page.getByRole("textbox", { name: "Default limit cpu" })).toHaveValue("500m");
  await expect(page.getByText("inherited · automatic, the quota needs it").first()).toBeVisible();

  await page.getByText("YAML applied to the cluster").click();
  const yaml = page.getByTestId("quota-yaml");
  await expect(yaml).toContainText("kind: ResourceQuota");
  await expect(yaml).toContainText("kind: LimitRange");
  await expect(yaml).toContainText("default:");
  await expect(yaml).not.toContainText("_default");
  await page.context().close();
});

test("a new token copies, and its box goes when it is revoked", async ({ browser }) => {
  const page = await signedIn(browser, "admin", adminPassword);
  await page.goto("/profile");
  const name = unique("copy");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^tnt_/);
  await page.getByRole("button", { name: "Copy Token" }).click();
  await expect(page.getByRole("button", { name: "Copied Token" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog", { name: `Revoke token ${name}?` }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.context().close();
});

test("sign out all other sessions: asked first, the other session ends at once; sessions name their browser", async ({ browser, baseURL }) => {
  const username = unique("sess");
  expect((await admin.post("/api/v1/users", { data: { username, password: PASSWORD, platformRole: "platform-regular", mustChangePassword: false } })).status()).toBe(201);
  const other = await signedInApi(baseURL!, username, PASSWORD);
  const page = await signedIn(browser, username, PASSWORD);
  await page.goto("/profile");
  const sessions = page.getByRole("table", { name: "Your signed-in sessions" });
  await expect(sessions.getByRole("row").filter({ hasText: "This session" })).toContainText(/Chrome \d+ on Linux/);
  await page.getByRole("button", { name: "Sign out all other sessions" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out 1 other sessions?" });
  await dialog.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(dialog).toBeHidden();
  expect((await other.get("/api/v1/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toHaveCount(0);
  await other.dispose();
  await page.context().close();
});

test("the webhook card shows the files it tells you to save, with the flags naming them", async ({ browser }) => {
  const page = await signedIn(browser, "admin", adminPassword);
  await page.goto("/clusters/host");
  const issue = page.getByRole("button", { name: /^Issue (token|a new token)$/ });
  // Earlier specs may have issued one: replacing it revokes it, which is asked first.
  const replacing = (await issue.textContent()) === "Issue a new token";
  await issue.click();
  if (replacing) await page.getByRole("dialog", { name: "Replace the audit webhook token of host?" }).getByRole("button", { name: "Revoke and issue" }).click();
  const kubeconfig = page.getByLabel("/etc/kubernetes/tenantry-audit-webhook.kubeconfig");
  await expect(kubeconfig).toContainText("kind: Config");
  await expect(kubeconfig).toContainText("token: tnt_audit_");
  await expect(page.getByLabel("/etc/kubernetes/tenantry-audit-policy.yaml")).toContainText("omitStages:\n  - RequestReceived");
  await expect(page.getByLabel("kube-apiserver flags")).toHaveText(
    "--audit-webhook-config-file=/etc/kubernetes/tenantry-audit-webhook.kubeconfig \\\n--audit-policy-file=/etc/kubernetes/tenantry-audit-policy.yaml",
  );
  await page.getByRole("button", { name: "Copy tenantry-audit-webhook.kubeconfig" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("tnt_audit_");
  await page.context().close();
});

test("the fresh demo has a few days of audit history, so the dashboards are not empty", async ({ browser }) => {
  const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
  // The seeded refusals lie two days back; earlier specs on the same demo add newer ones of bob's (more than a page),
  // so the search ends a day ago.
  const dayAgo = new Date(Date.now() - 24 * 3_600_000).toISOString();
  const denied = await (await admin.get(`/api/v1/audit/events?user=bob&outcome=denied&from=${since}&to=${dayAgo}`)).json();
  expect(denied.items.length).toBeGreaterThanOrEqual(2);
  expect((await (await admin.get("/api/v1/audit/verify")).json()).intact).toBe(true);
  const page = await signedIn(browser, "admin", adminPassword);
  await expect(page.getByText("Denied access, last 7 days")).toBeVisible();
  await expect(page.getByText(/^[1-9]\d* events · /).first()).toBeVisible();
  await page.context().close();
});

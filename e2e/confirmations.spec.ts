// #15 items 3 and 11: every risky change asks through the one confirmation dialog, which names the consequence;
// Cancel changes nothing and confirming applies. Missing objects and unknown URLs show the one not-found page in
// the shell with a Back that leads somewhere; a deleted project's page leaves it; a refused read is not a default.
import { expect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";

const PASSWORD = "confirm-user-password-1";
let admin: APIRequestContext;
let page: Page; // the admin's, reused by every test
const ws = unique("cf");
const project = unique("cfp");

/** A browser page on the session an API sign-in made (no login form). */
async function pageOf(browser: Browser, api: APIRequestContext): Promise<Page> {
  const context = await browser.newContext({ storageState: await api.storageState() });
  return context.newPage();
}

async function user(role: string): Promise<string> {
  const username = unique("cfu");
  expect((await admin.post("/api/v1/users", { data: { username, password: PASSWORD, platformRole: "platform-regular", mustChangePassword: false } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/workspaces/${ws}/members`, { data: { username, role } })).status()).toBe(201);
  return username;
}

const get = async (path: string) => (await admin.get(path)).json();

test.beforeAll(async ({ browser, baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  expect((await admin.post("/api/v1/workspaces", { data: { name: ws, clusters: ["host"] } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: project, cluster: "host" } })).status()).toBe(201);
  page = await pageOf(browser, admin);
});

test.afterAll(async () => {
  await page?.context().close();
  await admin?.dispose();
});

test("raising a member's role names what it adds; a lowering applies at once", async () => {
  const member = await user("regular");
  const role = async () => (await get(`/api/v1/workspaces/${ws}/members?q=${member}`)).items.find((m: { username: string }) => m.username === member)?.role;
  await page.goto(`/workspaces/${ws}/members`);
  const select = page.getByLabel(`Role of ${member}`);
  await select.selectOption("viewer");
  const dialog = page.getByRole("dialog", { name: `Make ${member} viewer?` });
  await expect(dialog).toContainText(`goes from regular to viewer in ${ws}`);
  await expect(dialog.getByRole("list", { name: `What ${member} gains` })).toContainText("workspace-network.view");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(select).toHaveValue("regular");
  expect(await role()).toBe("regular");

  await select.selectOption("viewer");
  await dialog.getByRole("button", { name: "Make viewer" }).click();
  await expect(select).toHaveValue("viewer");
  expect(await role()).toBe("viewer");
  // viewer → regular takes permissions away: no question.
  await select.selectOption("regular");
  await expect(select).toHaveValue("regular");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(role).toBe("regular");
});

test("a project member's raise asks the same way", async () => {
  const member = await user("regular");
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects/${project}/members`, { data: { username: member, role: "viewer" } })).status()).toBe(201);
  await page.goto(`/workspaces/${ws}/projects/${project}/members`);
  await page.getByLabel(`Role of ${member}`).selectOption("operator");
  const dialog = page.getByRole("dialog", { name: `Make ${member} operator?` });
  await expect(dialog.getByRole("list", { name: `What ${member} gains` })).toContainText("project-network.manage");
  await dialog.getByRole("button", { name: "Make operator" }).click();
  await expect(page.getByLabel(`Role of ${member}`)).toHaveValue("operator");
});

test("workspace network isolation on and off each say what traffic they block or admit", async () => {
  const isolated = async () => (await get(`/api/v1/workspaces/${ws}/network`)).isolated;
  await page.goto(`/workspaces/${ws}/network`);
  await page.getByRole("button", { name: "Turn isolation on" }).click();
  const on = page.getByRole("dialog", { name: `Turn network isolation on for ${ws}?` });
  await expect(on).toContainText("outside the cluster is blocked");
  await on.getByRole("button", { name: "Cancel" }).click();
  expect(await isolated()).toBe(false);

  await page.getByRole("button", { name: "Turn isolation on" }).click();
  await on.getByRole("button", { name: "Turn isolation on" }).click();
  await expect(page.getByTestId("ws-isolation")).toContainText("On:");
  expect(await isolated()).toBe(true);

  await page.getByRole("button", { name: "Turn isolation off" }).click();
  const off = page.getByRole("dialog", { name: `Turn network isolation off for ${ws}?` });
  await expect(off).toContainText("admit traffic from anywhere again");
  await off.getByRole("button", { name: "Turn isolation off" }).click();
  await expect(page.getByTestId("ws-isolation")).toContainText("Off:");
  expect(await isolated()).toBe(false);
});

test("a project's isolation change lists what each switch blocks before it is saved", async () => {
  const network = () => get(`/api/v1/workspaces/${ws}/projects/${project}/network`);
  await page.goto(`/workspaces/${ws}/projects/${project}/network`);
  await page.getByLabel(/Isolate ingress/).check();
  await page.getByLabel(/Isolate egress/).check();
  await page.getByRole("button", { name: "Save network settings" }).click();
  const dialog = page.getByRole("dialog", { name: `Change what traffic reaches ${project}?` });
  await expect(dialog.getByRole("listitem")).toHaveText([/^Ingress isolated: .* is blocked\.$/, /^Egress isolated: .*outside the cluster included, is blocked\.$/]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await network()).isolated).toBe(false);

  await page.getByRole("button", { name: "Save network settings" }).click();
  await dialog.getByRole("button", { name: "Save network settings" }).click();
  await expect(page.getByTestId("network-yaml")).toContainText("tenantry-project-isolation");
  const saved = await network();
  expect([saved.isolated, saved.egress.isolated]).toEqual([true, true]);
});

test("lowering pod security says which pods it admits; raising it asks nothing", async () => {
  const level = async () => (await get(`/api/v1/workspaces/${ws}/projects/${project}/pod-security`)).level;
  await page.goto(`/workspaces/${ws}/projects/${project}/quota`);
  const select = page.getByLabel("Enforced Pod Security Standard");
  await select.selectOption("privileged");
  const privileged = page.getByRole("dialog", { name: `Lower the pod security of ${project} to privileged?` });
  await expect(privileged).toContainText("can take over its node");
  await privileged.getByRole("button", { name: "Cancel" }).click();
  await expect(select).toHaveValue("restricted");
  expect(await level()).toBe("restricted");

  await select.selectOption("baseline");
  const baseline = page.getByRole("dialog", { name: `Lower the pod security of ${project} to baseline?` });
  await expect(baseline).toContainText("hostPath volumes and host ports stay refused");
  await baseline.getByRole("button", { name: "Lower to baseline" }).click();
  await expect(select).toHaveValue("baseline");
  expect(await level()).toBe("baseline");
  await select.selectOption("restricted");
  await expect(select).toHaveValue("restricted");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("revoking an API token says what stops working", async ({ baseURL }) => {
  const name = unique("cft");
  const made = await (await admin.post("/api/v1/me/tokens", { data: { name } })).json();
  const bearer = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${made.token}` } });
  await page.goto("/profile");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke token ${name}?` });
  await expect(dialog).toContainText(`Scripts and tools that send ${name} (${made.prefix}…) are refused`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await bearer.get("/api/v1/me")).status()).toBe(200);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await bearer.get("/api/v1/me")).status()).toBe(401);
  await bearer.dispose();
});

test("replacing the audit webhook token says the current one stops at once", async () => {
  await admin.post("/api/v1/clusters/host/audit-token"); // one in place, whatever earlier specs did
  const issuedAt = async () => (await get("/api/v1/clusters/host")).auditTokenIssuedAt;
  const before = await issuedAt();
  await page.goto("/clusters/host");
  await page.getByRole("button", { name: "Issue a new token" }).click();
  const dialog = page.getByRole("dialog", { name: "Replace the audit webhook token of host?" });
  await expect(dialog).toContainText("The current token stops working at once");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await issuedAt()).toBe(before);

  await page.getByRole("button", { name: "Issue a new token" }).click();
  await dialog.getByRole("button", { name: "Revoke and issue" }).click();
  await expect(page.getByLabel("/etc/kubernetes/tenantry-audit-webhook.kubeconfig")).toContainText("token: tnt_audit_");
  expect(await issuedAt()).not.toBe(before);
});

test("ending a session says who is signed out", async ({ baseURL }) => {
  const username = unique("cfs");
  expect((await admin.post("/api/v1/users", { data: { username, password: PASSWORD, mustChangePassword: false } })).status()).toBe(201);
  const other = await signedInApi(baseURL!, username, PASSWORD);
  await page.goto(`/users/${username}`);
  await page.getByRole("table", { name: `Active sessions of ${username}` }).getByRole("button", { name: "End session" }).click();
  const dialog = page.getByRole("dialog", { name: "End this session?" });
  await expect(dialog).toContainText("is signed out at its next request");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await other.get("/api/v1/me")).status()).toBe(200);

  await page.getByRole("table", { name: `Active sessions of ${username}` }).getByRole("button", { name: "End session" }).click();
  await dialog.getByRole("button", { name: "End session" }).click();
  await expect(page.getByText("No active sessions.")).toBeVisible();
  expect((await other.get("/api/v1/me")).status()).toBe(401);
  await other.dispose();
});

test("raising a user's platform role names the permissions it adds", async () => {
  const username = unique("cfr");
  expect((await admin.post("/api/v1/users", { data: { username, password: PASSWORD, platformRole: "platform-regular", mustChangePassword: false } })).status()).toBe(201);
  const platformRole = async () => (await get(`/api/v1/users/${username}`)).platformRole;
  await page.goto(`/users?q=${username}`);
  await page.getByRole("button", { name: `Edit ${username}` }).click();
  await page.getByRole("dialog").getByLabel("Platform role").selectOption("platform-admin");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Role names as the console words them (ids or display names): the consequence is what is pinned.
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Make ${username} .+\\?$`) });
  await expect(dialog).toContainText("in the platform and may then also do what");
  await expect(dialog.getByRole("list", { name: `What ${username} gains` })).toContainText("users.manage");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await platformRole()).toBe("platform-regular");

  // The edit form stays open, as it was: saving again asks again.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await dialog.getByRole("button", { name: /^Make / }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(platformRole).toBe("platform-admin");
});

test("removing a group binding says whose role it takes back", async () => {
  const provider = unique("cfidp");
  const group = unique("cfg");
  expect((await admin.post("/api/v1/identity-providers", { data: { name: provider, type: "oidc", displayName: "Confirm OIDC", config: { issuer: "https://idp.example.test", clientId: "tenantry" }, secret: "s3cret" } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/identity-providers/${provider}/bindings`, { data: { group, workspace: ws, role: "viewer" } })).status()).toBe(201);
  const bound = async () => (await get(`/api/v1/identity-providers/${provider}/bindings`)).items.some((b: { group: string }) => b.group === group);
  await page.goto("/settings/identity-providers");
  const remove = page.getByRole("button", { name: `Remove binding of ${group}` });
  await remove.click();
  const dialog = page.getByRole("dialog", { name: `Remove the binding of group ${group}?` });
  await expect(dialog).toContainText(`Users of group ${group} who hold viewer in ${ws} through this binding lose it now`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await bound()).toBe(true);

  await remove.click();
  await dialog.getByRole("button", { name: "Remove binding" }).click();
  await expect(remove).toHaveCount(0);
  expect(await bound()).toBe(false);
  // Its "Sign in with" button would be on the sign-in page of every later spec.
  expect((await admin.delete(`/api/v1/identity-providers/${provider}`)).status()).toBe(204);
});

test("a missing workspace, project or page is the one not-found page, in the shell, with a Back that leads somewhere", async () => {
  await page.goto(`/workspaces/${unique("nope")}/members`);
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Page not found" }).first()).toBeVisible();
  // The whole page is the not-found page: no header and tabs of a workspace that is not there.
  await expect(page.getByRole("navigation", { name: "Workspace sections" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Members" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to Workspaces" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);

  await page.goto(`/workspaces/${ws}/projects/${unique("nope")}/network`);
  await expect(page.getByRole("heading", { name: "Page not found" }).first()).toBeVisible();
  await page.getByRole("link", { name: `Back to ${ws}` }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws}$`));
  await expect(page.getByRole("heading", { name: ws, exact: true })).toBeVisible();

  await page.goto("/no/such/page");
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a non-member sees nothing of a workspace's page while its 404 is on the way", async ({ browser, baseURL }) => {
  const outsider = unique("cfo");
  expect((await admin.post("/api/v1/users", { data: { username: outsider, password: PASSWORD, platformRole: "platform-regular", mustChangePassword: false } })).status()).toBe(201);
  const api = await signedInApi(baseURL!, outsider, PASSWORD);
  const theirs = await pageOf(browser, api);
  // The workspace's own answer is held back: the access review's form needs no data and would be up by then.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let asked!: () => void;
  const asking = new Promise<void>((done) => (asked = done));
  await theirs.route(`**/api/v1/workspaces/${ws}`, async (route) => {
    asked();
    await held;
    await route.fallback();
  });
  await theirs.goto(`/workspaces/${ws}/access`);
  await asking;
  await expect(theirs.locator("main").getByRole("combobox")).toHaveCount(0);
  await expect(theirs.locator("main").getByRole("heading")).toHaveCount(0);
  await expect(theirs.getByRole("status").filter({ hasText: "Loading" }).first()).toBeVisible();
  release();
  await expect(theirs.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(theirs.locator("main").getByRole("combobox")).toHaveCount(0);
  await theirs.context().close();
  await api.dispose();
});

test("breadcrumbs end in the current page", async () => {
  await page.goto(`/workspaces/${ws}/projects/${project}/network`);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");
  await expect(crumbs).toHaveText(["Workspaces/", `${ws}/`, `${project}/`, "Network isolation"]);
  await expect(crumbs.last()).toHaveAttribute("aria-current", "page");
});

test("after deleting a project the page leaves for its workspace", async () => {
  const doomed = unique("cfd");
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: doomed, cluster: "host" } })).status()).toBe(201);
  await page.goto(`/workspaces/${ws}/projects/${doomed}`);
  await page.getByRole("button", { name: "Delete project" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete project" });
  await expect(dialog.getByRole("button", { name: "Delete project" })).toBeDisabled();
  await dialog.getByLabel(`Type ${doomed} to confirm`).fill(doomed);
  await dialog.getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws}$`));
  await expect(page.getByRole("heading", { name: ws, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
});

test("a member who may not read the workspace's isolation sees the refusal, not Off", async ({ browser, baseURL }) => {
  const member = await user("regular"); // workspace-settings.view only
  const api = await signedInApi(baseURL!, member, PASSWORD);
  const theirs = await pageOf(browser, api);
  await theirs.goto(`/workspaces/${ws}/network`);
  await expect(theirs.getByRole("alert").filter({ hasText: "You don't have access to this" }).first()).toBeVisible();
  await expect(theirs.getByTestId("ws-isolation")).toHaveCount(0);
  await theirs.context().close();
  await api.dispose();
});

// The console as a platform admin uses it: sign in, create a workspace and a project, see the namespace
// appear in the cluster (checked with the Kubernetes client, not through the app) and both actions in the audit log.
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test, type Page } from "@playwright/test";

const adminPassword = process.env.E2E_ADMIN_PASSWORD!;
const hostKubeconfig = `${process.env.E2E_DATA_DIR}/clusters/host.kubeconfig`;

/** A DNS label no other run or test uses. */
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The console's toasts (role="status"), where each mutation reports how it went. */
const toasts = (page: Page) => page.getByRole("status", { name: "Notifications" });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("visiting /workspaces without a session redirects to /login", async ({ page }) => {
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("a bad sign-in is refused", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "admin", "not-the-password");
  await expect(page.getByText("Invalid username or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
});

test("admin creates a workspace and a project; the namespace exists and both actions are audited", async ({ page }) => {
  const workspace = unique("e2e-ws");
  const project = unique("e2e-proj");

  await page.goto("/workspaces");
  await signIn(page, "admin", adminPassword);
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole("button", { name: /admin/ })).toBeVisible();

  // Workspace, placed on the `host` cluster.
  await page.getByRole("button", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create workspace" });
  await dialog.getByLabel("Name", { exact: true }).fill(workspace);
  await dialog.getByLabel("Display name").fill("End-to-end workspace");
  await dialog.getByRole("checkbox", { name: /^host\b/ }).check();
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace}$`));
  await expect(page.getByRole("heading", { name: "End-to-end workspace" })).toBeVisible();
  await expect(toasts(page)).toContainText(`Workspace ${workspace} created.`);

  // Project on that cluster; the project page follows it to `ready`.
  await page.getByRole("button", { name: "Create project" }).click();
  const form = page.getByRole("form", { name: "Create project" });
  await form.getByLabel("Project name").fill(project);
  await form.getByLabel("Cluster").selectOption("host");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace}/projects/${project}$`));
  await expect(toasts(page)).toContainText(`Project ${project} created.`);
  await expect(page.getByText("ready", { exact: true })).toBeVisible();

  // The namespace, straight from the cluster.
  const kc = new KubeConfig();
  kc.loadFromFile(hostKubeconfig);
  const namespace = await kc.makeApiClient(CoreV1Api).readNamespace({ name: project });
  expect(namespace.metadata?.labels).toMatchObject({
    "tenantry.io/workspace": workspace,
    "app.kubernetes.io/managed-by": "tenantry",
  });

  // Both actions in the audit log, by admin.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Workspace", { exact: true }).fill(workspace);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const events = page.getByRole("table", { name: /Audit events/ });
  for (const action of ["workspace.create", "project.create"]) {
    const row = events.getByRole("row").filter({ hasText: action });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText("admin");
    await expect(row.getByText("success")).toBeVisible();
  }
});

test("a workspace with projects is not deleted; an empty one is, once its name is typed", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "admin", adminPassword);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  const deleteByName = async (name: string) => {
    await page.goto(`/workspaces/${name}`);
    await page.getByRole("button", { name: "Delete workspace" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete workspace" });
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByRole("button", { name: "Delete workspace" }).click();
    return dialog;
  };

  const refused = await deleteByName("demo");
  await expect(refused.getByText(/still has \d+ project/)).toBeVisible();
  await expect(page).toHaveURL(/\/workspaces\/demo$/);

  const empty = unique("e2e-empty");
  expect((await page.request.post("/api/v1/workspaces", { data: { name: empty, clusters: [] } })).status()).toBe(201);
  await deleteByName(empty);
  await expect(page).toHaveURL(/\/workspaces$/);
  // The toast outlives the page it was raised on, and can be dismissed.
  const deleted = toasts(page).getByText(`Workspace ${empty} deleted.`);
  await expect(deleted).toBeVisible();
  await toasts(page).getByRole("button", { name: "Dismiss" }).last().click();
  await expect(deleted).toHaveCount(0);
  expect((await page.request.get(`/api/v1/workspaces/${empty}`)).status()).toBe(404);
});

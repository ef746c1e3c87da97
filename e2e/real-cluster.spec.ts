// The console on a real Kubernetes API server (realkube, v1.36): a platform admin registers it through the
// form with its tenantry.kubeconfig (a bearer-token cluster-admin), places a new workspace on it and creates
// a project; the namespace and what Tenantry manages for it are then read from the real API server with
// the admin kubeconfig. Only the real-cluster pass runs it (TENANTRY_TEST_REALKUBE, see playwright.config.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AdmissionregistrationV1Api, CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { expect, test } from "@playwright/test";
import { unique } from "./support/api";
import { signIn } from "./support/pages";

const realkube = process.env.TENANTRY_TEST_REALKUBE!;

test("register a real cluster, place a workspace on it, create a project: its namespace and objects are on the API server", async ({ page }) => {
  const cluster = unique("real");
  const workspace = unique("e2e-real");
  const project = unique("e2e-real-p");

  await signIn(page, "admin");

  await page.goto("/clusters/new");
  await page.getByLabel("Name", { exact: true }).fill(cluster);
  await page.getByLabel("Kubeconfig", { exact: true }).fill(readFileSync(join(realkube, "tenantry.kubeconfig"), "utf8"));
  await page.getByRole("button", { name: "Add cluster" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}$`));
  await expect(page.getByText("ready").first()).toBeVisible();
  await expect(page.getByText(/^v1\.36\./)).toBeVisible();

  await page.goto("/workspaces");
  await page.getByRole("button", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create workspace" });
  await dialog.getByLabel("Name", { exact: true }).fill(workspace);
  await dialog.getByRole("checkbox", { name: new RegExp(`^${cluster}\\b`) }).check();
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace}$`));

  await page.getByRole("button", { name: "Create project" }).click();
  const form = page.getByRole("form", { name: "Create project" });
  await form.getByLabel("Project name").fill(project);
  await form.getByLabel("Cluster").selectOption(cluster);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace}/projects/${project}$`));
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 30_000 });

  const kc = new KubeConfig();
  kc.loadFromFile(join(realkube, "admin.kubeconfig"));
  const core = kc.makeApiClient(CoreV1Api);
  const namespace = await core.readNamespace({ name: project });
  expect(namespace.metadata?.labels).toMatchObject({
    "tenantry.io/workspace": workspace,
    "tenantry.io/project": project,
    "app.kubernetes.io/managed-by": "tenantry",
    "pod-security.kubernetes.io/enforce": "restricted",
  });
  const quota = await core.readNamespacedResourceQuota({ namespace: project, name: "tenantry-quota" });
  expect(quota.metadata?.labels).toMatchObject({ "app.kubernetes.io/managed-by": "tenantry" });
  expect(quota.spec?.hard).toMatchObject({ "services.loadbalancers": "0", "services.nodeports": "0" });
  // Installed once per cluster: the project roles and the policy guarding Tenantry's objects.
  await kc.makeApiClient(RbacAuthorizationV1Api).readClusterRole({ name: "tenantry-project-admin" });
  const admission = kc.makeApiClient(AdmissionregistrationV1Api);
  await admission.readValidatingAdmissionPolicy({ name: "tenantry-protect-managed-objects" });
  await admission.readValidatingAdmissionPolicyBinding({ name: "tenantry-protect-managed-objects" });
});

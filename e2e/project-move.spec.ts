// Moving a project to another workspace from its page (#17 item 2): the dry run is shown before confirming —
// first the refusal naming a member outside the target, then, with "invite", what would happen — and nothing
// changes until the move is confirmed; then the namespace (read with the Kubernetes client) carries the new
// workspace and keeps what was in it.
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test } from "@playwright/test";
import { adminPassword, dataDir, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

const source = unique("mv-src");
const dest = unique("mv-dst");
const project = unique("mv-p");
const outsider = unique("mv-u");

const core = () => {
  const kc = new KubeConfig();
  kc.loadFromFile(`${dataDir}/clusters/host.kubeconfig`);
  return kc.makeApiClient(CoreV1Api);
};
const workspaceLabel = async () => (await core().readNamespace({ name: project })).metadata?.labels?.["tenantry.io/workspace"];

test.beforeAll(async ({ baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const ok = async (res: Promise<{ status(): number; text(): Promise<string> }>, status: number) => {
    const r = await res;
    expect(r.status(), await r.text()).toBe(status);
  };
  for (const name of [source, dest]) await ok(admin.post("/api/v1/workspaces", { data: { name, clusters: ["host"] } }), 201);
  await ok(admin.post(`/api/v1/workspaces/${source}/projects`, { data: { name: project, cluster: "host" } }), 201);
  await ok(admin.post("/api/v1/users", { data: { username: outsider, password: "move-password-123", mustChangePassword: false } }), 201);
  await ok(admin.post(`/api/v1/workspaces/${source}/members`, { data: { username: outsider, role: "regular" } }), 201);
  await ok(admin.post(`/api/v1/workspaces/${source}/projects/${project}/members`, { data: { username: outsider, role: "viewer" } }), 201);
  await expect.poll(async () => (await (await admin.get(`/api/v1/workspaces/${source}/projects/${project}`)).json()).status, { timeout: 30_000 }).toBe("ready");
  await admin.dispose();
  await core().createNamespacedConfigMap({ namespace: project, body: { metadata: { name: "keep-me" }, data: { kept: "yes" } } });
});

test("the Move action shows the dry run, and moves the project only when confirmed", async ({ page }) => {
  await signIn(page, "admin", adminPassword, `/workspaces/${source}/projects/${project}`);
  await page.getByRole("button", { name: "Move", exact: true }).click();

  const dialog = page.getByRole("dialog", { name: `Move ${project} to another workspace` });
  await dialog.getByLabel("Target workspace").selectOption(dest);
  // The default refuses: the dry run names the member who is not in the target, and the move cannot be confirmed.
  await expect(dialog.getByRole("alert")).toContainText(`"${outsider}" is not a member of workspace "${dest}".`);
  await expect(dialog.getByRole("button", { name: "Move project" })).toBeDisabled();

  await dialog.getByLabel(`Invite them to ${dest} as regular members`).check();
  const plan = dialog.getByRole("region", { name: "What happens" });
  await expect(plan).toContainText(`Namespace ${project} and its workloads are kept; its label tenantry.io/workspace becomes ${dest}.`);
  await expect(plan).toContainText(`Members invited (1) ${outsider} (viewer)`);
  await expect(plan).toContainText(`${source}: no pool on this cluster`);
  // A dry run changes nothing.
  expect(await workspaceLabel()).toBe(source);

  await dialog.getByRole("button", { name: "Move project" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${dest}/projects/${project}$`));
  await expect(page.getByRole("status", { name: "Notifications" })).toContainText(`Project ${project} moved to ${dest}.`);
  await expect.poll(workspaceLabel, { timeout: 30_000 }).toBe(dest);
  expect((await core().readNamespacedConfigMap({ name: "keep-me", namespace: project })).data).toEqual({ kept: "yes" });
});

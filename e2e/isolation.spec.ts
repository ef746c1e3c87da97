// Resource and network isolation in the console: a workspace pool shared by two projects (and the message
// when one asks for more than is left), then network isolation changing the generated YAML and the matrix.
import { expect, test } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

async function tenant(baseURL: string) {
  const api = await signedInApi(baseURL, "admin", adminPassword);
  const ws = unique("iso");
  const [a, b] = [unique("pa"), unique("pb")];
  expect((await api.post("/api/v1/workspaces", { data: { name: ws, clusters: ["host"] } })).status()).toBe(201);
  for (const p of [a, b]) expect((await api.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: p, cluster: "host" } })).status()).toBe(201);
  await api.dispose();
  return { ws, a, b };
}

test("a workspace pool is shared by its projects and cannot be over-allocated", async ({ page, baseURL }) => {
  const { ws, a, b } = await tenant(baseURL!);
  await signIn(page, "admin");

  await page.goto(`/workspaces/${ws}/quotas`);
  await page.getByRole("button", { name: "Set pool" }).click();
  await page.getByLabel("Pool requests.cpu").fill("2");
  await page.getByLabel("Pool requests.memory").fill("4Gi");
  await page.getByRole("button", { name: "Save pool" }).click();
  // Neither project has a share yet: the pool holds both at 0, and the console asks first (#15 item 2).
  const confirm = page.getByRole("dialog", { name: "Change the quota of 2 projects?" });
  await expect(confirm.getByTestId("pool-impact")).toContainText(`${a}: requests.cpu no limit → 0`);
  await confirm.getByRole("button", { name: "Save and change them" }).click();
  await expect(page.getByRole("list", { name: "Pool on host" }).getByTestId("usage-requests.cpu")).toContainText("0 allocated · 2 pool");

  const setQuota = async (project: string, cpu: string) => {
    await page.goto(`/workspaces/${ws}/projects/${project}/quota`);
    await page.getByRole("button", { name: "Edit quota" }).click();
    // The editor opens with every value in effect: requests.cpu is there, at the pool's 0 for a project without a share.
    await page.getByRole("textbox", { name: "Quota requests.cpu" }).fill(cpu);
    await page.getByRole("button", { name: "Save quota" }).click();
  };
  await setQuota(a, "1500m");
  await expect(page.getByRole("list", { name: "Project quota usage" }).getByTestId("usage-requests.cpu")).toContainText("1500m allocated · 2 pool");

  await setQuota(b, "1");
  await expect(page.getByText("requests.cpu: requested 1, but 1500m of the workspace's pool of 2 is already allocated to other projects (500m left).").first()).toBeVisible();

  await page.goto(`/workspaces/${ws}/quotas`);
  await expect(page.getByRole("list", { name: "Pool on host" }).getByTestId("usage-requests.cpu")).toContainText("1500m allocated");
});

test("turning network isolation on shows the generated policies and changes the matrix", async ({ page, baseURL }) => {
  const { ws, a, b } = await tenant(baseURL!);
  await signIn(page, "admin");

  await page.goto(`/workspaces/${ws}/network`);
  await expect(page.getByTestId(`reach-external-${a}`)).toHaveAttribute("data-state", "allowed");
  await page.getByRole("button", { name: "Turn isolation on" }).click();
  await page.getByRole("dialog", { name: `Turn network isolation on for ${ws}?` }).getByRole("button", { name: "Turn isolation on" }).click();
  await expect(page.getByTestId("ws-isolation")).toContainText("On:");
  await expect(page.getByTestId(`reach-external-${a}`)).toHaveAttribute("data-state", "denied");
  await expect(page.getByTestId(`reach-${b}-${a}`)).toHaveAttribute("data-state", "allowed");

  await page.goto(`/workspaces/${ws}/projects/${a}/network`);
  await expect(page.getByTestId("network-yaml")).toContainText("name: tenantry-workspace-isolation");
  await page.getByLabel(/Isolate ingress/).check();
  await page.getByRole("button", { name: "Save network settings" }).click();
  await page.getByRole("dialog", { name: `Change what traffic reaches ${a}?` }).getByRole("button", { name: "Save network settings" }).click();
  await expect(page.getByTestId("network-yaml")).toContainText("name: tenantry-project-isolation");
  await expect(page.getByTestId("network-yaml")).not.toContainText("tenantry-workspace-isolation");

  await page.goto(`/workspaces/${ws}/network`);
  await expect(page.getByTestId(`reach-${b}-${a}`)).toHaveAttribute("data-state", "denied");
  await expect(page.getByTestId(`reach-${a}-${a}`)).toHaveAttribute("data-state", "allowed");
});

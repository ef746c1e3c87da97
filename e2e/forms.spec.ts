// #15 item 6: forms check the route's own schema in the browser before sending, an error goes when its field is
// fixed, a refusal is said once (inline for a field, one toast for the rest) and a later success takes the error
// toast down; the quota editor has fields with units and the pool's headroom beside each.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

let admin: APIRequestContext;
let ws: string;

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  ws = unique("fm");
  expect((await admin.post("/api/v1/workspaces", { data: { name: ws, clusters: ["host"] } })).status()).toBe(201);
});

test.afterAll(async () => {
  await admin?.dispose();
});

test("a form checks before sending, clears a fixed field, says a refusal once and takes it down after a success", async ({ page }) => {
  const taken = unique("taken");
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: taken, cluster: "host" } })).status()).toBe(201);
  await signIn(page, "admin");
  await page.goto(`/workspaces/${ws}`);
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(`/api/v1/workspaces/${ws}/projects`)) sent.push(r.url());
  });
  await page.getByRole("button", { name: "Create project" }).click();
  const form = page.getByRole("form", { name: "Create project" });
  const name = form.getByLabel("Project name");
  const rule = form.getByText("Lowercase letters, digits and '-', starting and ending with a letter or digit.");

  // The route's schema refuses the name in the browser: nothing is sent.
  await name.fill("Not_A_Name");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(rule).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  expect(sent).toEqual([]);
  // Fixing the field takes its error away before sending again.
  await name.fill(taken);
  await expect(rule).toBeHidden();

  // A refusal that belongs to no field is one toast (no alert in the form as well).
  await form.getByRole("button", { name: "Create project" }).click();
  const toasts = page.getByRole("status", { name: "Notifications" });
  await expect(toasts).toContainText("Already exists");
  await expect(toasts.getByText(/already exists on cluster/)).toHaveCount(1);
  await expect(form.getByRole("alert")).toHaveCount(0);
  expect(sent).toHaveLength(1);

  // The next success of the same form takes the error toast down.
  const fresh = unique("fresh");
  await name.fill(fresh);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${fresh}$`));
  await expect(toasts).toContainText(`Project ${fresh} created.`);
  await expect(toasts.getByText("Already exists")).toHaveCount(0);
});

test("the quota editor has fields with units and the pool's headroom, shows a server refusal inline once and saves", async ({ page }) => {
  const [a, b] = [unique("fa"), unique("fb")];
  for (const p of [a, b]) expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: p, cluster: "host" } })).status()).toBe(201);
  expect((await admin.put(`/api/v1/workspaces/${ws}/quotas/host`, { data: { hard: { "requests.cpu": "2", "requests.memory": "4Gi" } } })).status()).toBe(200);
  expect((await admin.put(`/api/v1/workspaces/${ws}/projects/${a}/quota`, { data: { hard: { "requests.cpu": "1500m", "requests.memory": "1Gi" } } })).status()).toBe(200);
  const quota = async () => (await (await admin.get(`/api/v1/workspaces/${ws}/projects/${b}/quota`)).json()) as { hard: Record<string, string>; headroom: Record<string, string> };
  expect((await quota()).headroom).toEqual({ "requests.cpu": "500m", "requests.memory": "3Gi" });

  await signIn(page, "admin");
  await page.goto(`/workspaces/${ws}/projects/${b}/quota`);
  await page.getByRole("button", { name: "Edit quota" }).click();
  await expect(page.getByTestId("headroom-requests.cpu")).toHaveText("500 millicores left in the pool");
  await expect(page.getByTestId("headroom-requests.memory")).toHaveText("3 Gi left in the pool");
  const cpu = page.getByRole("textbox", { name: "Quota requests.cpu" });
  const cpuUnit = page.getByLabel("requests.cpu unit");

  // More than the pool has left: the route's refusal is under the field, once, and in no toast.
  await cpu.fill("1");
  await cpuUnit.selectOption("cores");
  await page.getByRole("button", { name: "Save quota" }).click();
  const refusal = page.getByText("requests.cpu: requested 1, but 1500m of the workspace's pool of 2 is already allocated to other projects (500m left).");
  await expect(refusal).toHaveCount(1);
  await expect(page.getByRole("status", { name: "Notifications" }).getByText(/requested 1/)).toHaveCount(0);

  await cpu.fill("400");
  await cpuUnit.selectOption("millicores");
  await expect(refusal).toHaveCount(0);
  await page.getByRole("textbox", { name: "Quota requests.memory" }).fill("2");
  await page.getByLabel("requests.memory unit").selectOption("Gi");
  await page.getByRole("textbox", { name: "Quota pods" }).fill("20");
  await page.getByRole("button", { name: "Save quota" }).click();
  await expect(page.getByRole("button", { name: "Edit quota" })).toBeVisible();
  expect((await quota()).hard).toEqual({ "requests.cpu": "400m", "requests.memory": "2Gi", pods: "20" });
});

// A form page's schema (zod and the route's rules) is not evaluated as the page loads, where it was the page's longest
// task: it loads on the first interaction, and a check made at once still waits for it.
test("a form page loads its schema on the first interaction, and the check made then waits for it", async ({ page }) => {
  await signIn(page, "admin");
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
  await page.goto(`/workspaces/${ws}/roles/new`);
  const form = page.getByRole("form", { name: "Create role" });
  await expect(form).toBeVisible();
  await page.waitForLoadState("networkidle");
  const loaded = scripts.length;
  const name = form.getByLabel("Name", { exact: true });
  await name.fill("Not_A_Name");
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  expect(scripts.length).toBeGreaterThan(loaded);
});

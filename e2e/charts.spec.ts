// #15 item 7, pictures: the cluster page lists the simulator's nodes with their capacity and a capacity-vs-requested
// chart; a project's quota is bars of used / allocated / pool with the numbers written; dragging across the audit
// histogram sets the time filter and narrows the events, "Reset zoom" brings the filter back; "Any time" covers the
// seeded history days back, not only the last day.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { adminPassword, dataDir, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

let admin: APIRequestContext;
let page: Page;
const ws = unique("ch");
const project = unique("chp");
let podNode = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL, browser }) => {
  test.setTimeout(120_000); // a tenant, its namespace and a scheduled pod, then a sign-in
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  expect((await admin.post("/api/v1/workspaces", { data: { name: ws, clusters: ["host"] } })).status()).toBe(201);
  expect((await admin.put(`/api/v1/workspaces/${ws}/quotas/host`, { data: { hard: { "requests.cpu": "4", "requests.memory": "8Gi" } } })).status()).toBe(200);
  expect((await admin.post(`/api/v1/workspaces/${ws}/projects`, { data: { name: project, cluster: "host" } })).status()).toBe(201);
  expect((await admin.put(`/api/v1/workspaces/${ws}/projects/${project}/quota`, { data: { hard: { "requests.cpu": "1", "requests.memory": "2Gi" } } })).status()).toBe(200);
  await expect.poll(async () => (await (await admin.get(`/api/v1/workspaces/${ws}/projects/${project}`)).json()).status, { timeout: 30_000 }).toBe("ready");
  // A pod that requests something, put on a node by the simulator's scheduler (admitted under Pod Security "restricted").
  const { CoreV1Api, KubeConfig } = await import("@kubernetes/client-node");
  const kc = new KubeConfig();
  kc.loadFromFile(`${dataDir}/clusters/host.kubeconfig`);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedPod({
    namespace: project,
    body: {
      metadata: { name: "charts" },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
        containers: [{ name: "app", image: "registry.example/app:1", resources: { requests: { cpu: "250m", memory: "256Mi" } }, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
      },
    },
  });
  await expect.poll(async () => (podNode = (await core.readNamespacedPod({ namespace: project, name: "charts" })).spec?.nodeName ?? "")).not.toBe("");

  page = await browser.newPage();
  await signIn(page, "admin");
});

test.afterAll(async () => {
  await page?.close();
  await admin?.dispose();
});

test("the cluster page lists its nodes with capacity, and requested against allocatable and capacity", async () => {
  await page.goto("/clusters/host");
  const table = page.getByRole("table", { name: "Nodes" });
  await expect(table.getByRole("row")).toHaveCount(4);
  const first = table.getByRole("row", { name: /sim-node-1/ });
  for (const text of ["control-plane", "ready", "4 / 3800m", "16Gi / 15872Mi", "v1.31.0"]) await expect(first).toContainText(text);

  const chart = page.getByRole("figure", { name: "Capacity vs requested" });
  await expect(chart.getByRole("meter")).toHaveCount(6);
  await expect(chart.getByRole("list", { name: "Requests on sim-node-2" }).getByRole("meter", { name: "memory" })).toHaveAttribute("aria-valuetext", /^\S+ requested · 15872Mi allocatable · 16Gi capacity$/);
  // The node our pod went to has its request counted.
  await expect(chart.getByRole("list", { name: `Requests on ${podNode}` }).getByRole("meter", { name: "cpu" })).toHaveAttribute("aria-valuetext", /^(?!0 )\S+ requested · 3800m allocatable · 4 capacity$/);
});

test("a project's quota is a bar per key: used, allocated and the workspace's pool, with the numbers", async () => {
  await page.goto(`/workspaces/${ws}/projects/${project}/quota`);
  const usage = page.getByRole("list", { name: "Project quota usage" });
  await expect(usage.getByRole("meter", { name: "requests.cpu" })).toHaveAttribute("aria-valuetext", "250m used · 1 allocated · 4 pool");
  await expect(usage.getByTestId("usage-requests.memory")).toContainText("256Mi used · 2Gi allocated · 8Gi pool");
  await expect(usage.getByRole("meter", { name: "requests.cpu" })).toHaveAttribute("aria-valuenow", "25");
});

test("'Any time' covers days back; dragging across the histogram narrows the time filter, and Reset zoom restores it", async () => {
  // The seeded demo's failed sign-in lies 96 hours back: "Any time" counts it in the histogram as in the list.
  await page.goto("/audit?user=mallory");
  const figure = page.getByRole("figure", { name: "Events over time" });
  // Six-hour buckets: the span reaches days back (other specs on the same demo may add refusals of mallory's).
  await expect(figure).toContainText(/^[1-9]\d* events? · per 6 hours/);
  await expect(page.getByRole("table", { name: /Audit events/ }).getByRole("row").filter({ hasText: "login" }).first()).toBeVisible();

  // alice's seeded history: a project made 120 hours back, its quota changed 24 hours back. Up to an hour ago, so
  // none of what other specs on this demo had alice do since it started is in it; then drag over the later half.
  const hourAgo = new Date(Date.now() - 3_600_000);
  await page.goto(`/audit?user=alice&to=${localMinute(hourAgo)}`);
  const rows = page.getByRole("table", { name: /Audit events/ }).getByRole("row");
  await expect(rows.filter({ hasText: "project.create" })).toHaveCount(1);
  const plot = page.getByTestId("audit-histogram").locator(".u-over");
  await expect(plot).toBeVisible();
  // The histogram sits below the filters, past the fold: the mouse only reaches what is in the viewport.
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.95, y, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d\d-\d\dT\d\d(:|%3A)\d\d&to=\d{4}-/);
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("custom");
  await expect(rows.filter({ hasText: "project.quota.update" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "project.create" })).toHaveCount(0);

  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(rows.filter({ hasText: "project.create" })).toHaveCount(1);
});

/** A datetime-local value in this machine's time zone, which the browser shares. */
function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

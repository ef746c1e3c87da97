// A page arrives with its first data (lib/web/prefetch.tsx): asked by the server through
// the same routes and the same authorization as the browser would, so it is in the server's HTML, not fetched after.
// The dates in it are written in UTC there and in the reader's own time zone once the page is live, without a
// hydration mismatch; and a user who may not see the project gets none of it in the HTML either.
import { expect, test } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi } from "./support/api";
import { openSettled } from "./support/pages";

const PROJECT = "/workspaces/demo/projects/demo-web";

test("a project's page comes with its data, in the reader's time zone, and a non-member's with none of it", async ({ browser, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const project = await (await admin.get(`/api/v1${PROJECT}`)).json();
  const html = await (await admin.get(PROJECT)).text();
  expect(html).toContain(project.displayName);

  const context = await browser.newContext({ storageState: await admin.storageState(), timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(PROJECT);
  await expect(page.getByRole("heading", { level: 1, name: project.displayName })).toBeVisible();
  const created = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(project.createdAt));
  await expect(page.locator("dd").filter({ hasText: created }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems.filter((p) => /hydrat|did not match|Content Security Policy/i.test(p))).toEqual([]);
  await context.close();

  // The server's own ask is refused for a non-member, and not recorded: the browser, given no answer, asks again
  // and that refusal is (a page fetched without a browser leaves none).
  const denials = async () => (await (await admin.get("/api/v1/audit/events", { params: { user: "dave", outcome: "denied", limit: 100 } })).json()).items.length;
  const before = await denials();
  const outsider = await signedInApi(baseURL!, "dave", demoPassword);
  const theirs = await (await outsider.get(PROJECT)).text();
  expect(theirs).not.toContain(project.displayName);
  expect(await denials()).toBe(before);
  await outsider.dispose();
  await admin.dispose();
});

// Each page asks ahead what its first render needs, under the browser's own query keys, including a list's view kept
// in the URL: the browser, finding the answers in its cache, asks none of them again as the page opens. Each view
// narrows to seeded rows that other tests' data cannot push off the first page.
const CARRIED: { page: string; asked: string[]; shows: string }[] = [
  { page: "/users?q=ali&status=active&sort=-createdAt", asked: ["/api/v1/users", "/api/v1/platform/roles"], shows: "Alice (workspace admin)" },
  { page: "/users/alice?signins.outcome=success", asked: ["/api/v1/users/alice", "/api/v1/users/alice/sessions", "/api/v1/users/alice/login-records"], shows: "Alice (workspace admin)" },
  { page: "/profile?signins.outcome=success", asked: ["/api/v1/me/sessions", "/api/v1/me/tokens", "/api/v1/me/login-records"], shows: "This session" },
  { page: "/workspaces/demo/members?role=viewer", asked: ["/api/v1/workspaces/demo/members", "/api/v1/workspaces/demo/roles", "/api/v1/templates"], shows: "Bob (workspace viewer)" },
  { page: `${PROJECT}/members`, asked: [`/api/v1${PROJECT}/members`, `/api/v1${PROJECT}/roles`, "/api/v1/templates"], shows: "Carol (project operator)" },
  { page: "/workspaces/demo?status=ready", asked: ["projects", "members", "quotas", "expiring-members"].map((p) => `/api/v1/workspaces/demo/${p}`).concat("/api/v1/audit/events"), shows: "demo-web" },
  { page: "/clusters/host", asked: ["/api/v1/clusters/host", "/api/v1/clusters/host/nodes"], shows: "sim-node-1" },
  { page: "/workspaces/demo/quotas", asked: ["/api/v1/workspaces/demo/quotas"], shows: "Cluster host" },
  { page: `${PROJECT}/workloads?kind=configmaps`, asked: ["configmaps", "deployments", "pods", "events"].map((k) => `/api/v1${PROJECT}/workloads/${k}`), shows: "kube-root-ca.crt" },
  { page: "/dashboard", asked: ["/api/v1/dashboard", "/api/v1/audit/histogram", "/api/v1/audit/events"], shows: "v1.31.0" },
  { page: "/workspaces?cluster=host", asked: ["/api/v1/workspaces", "/api/v1/clusters"], shows: "demo" },
  { page: PROJECT, asked: ["quota", "limits", "network", "members", "workloads"].map((p) => `/api/v1${PROJECT}/${p}`).concat("/api/v1/audit/events"), shows: "Demo web shop" },
  { page: "/workspaces/demo/network", asked: ["/api/v1/workspaces/demo/network", "/api/v1/workspaces/demo/connectivity"], shows: "demo-web" },
  { page: `${PROJECT}/quota`, asked: [`/api/v1${PROJECT}/quota`, `/api/v1${PROJECT}/limits`, `/api/v1${PROJECT}/pod-security`], shows: "Pod security" },
  { page: `${PROJECT}/workloads/configmaps/kube-root-ca.crt`, asked: [`/api/v1${PROJECT}/workloads/configmaps/kube-root-ca.crt`], shows: "ConfigMap kube-root-ca.crt" },
  { page: "/audit?outcome=denied&user=bob&verb=project.delete", asked: ["/api/v1/audit/events", "/api/v1/audit/histogram"], shows: "project.delete" },
  { page: "/workspaces/demo/audit?user=alice&verb=project.create", asked: ["/api/v1/audit/events", "/api/v1/audit/histogram"], shows: "project.create" },
];

test("list and detail pages come with their first answers, a list's in the URL's view, and the browser asks none again", async ({ browser, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const context = await browser.newContext({ storageState: await admin.storageState() });
  const page = await context.newPage();
  for (const { page: path, asked, shows } of CARRIED) {
    const requested: string[] = [];
    const record = (r: { url(): string }) => requested.push(new URL(r.url()).pathname);
    page.on("request", record);
    await openSettled(page, path);
    await expect(page.getByRole("main").getByText(shows, { exact: true }).first()).toBeVisible();
    page.off("request", record);
    expect(requested.filter((p) => asked.includes(p)), path).toEqual([]);
  }
  await context.close();
  await admin.dispose();
});

// A dialog's form code (react-hook-form, the schemas) loads when the dialog first opens, not with the page behind it;
// once opened it closes as a dialog does, handing focus back to the button that opened it.
test("a page's dialogs load their code when first opened, not with the page", async ({ browser, baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const context = await browser.newContext({ storageState: await admin.storageState() });
  const page = await context.newPage();
  for (const [path, button] of [
    ["/users", "Create user"],
    ["/workspaces", "Create workspace"],
  ] as const) {
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await openSettled(page, path);
    await page.waitForLoadState("networkidle");
    const loaded = scripts.length;
    const open = page.getByRole("button", { name: button, exact: true });
    await open.click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(scripts.length, path).toBeGreaterThan(loaded);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(open).toBeFocused();
    page.removeAllListeners("request");
  }
  await context.close();
  await admin.dispose();
});

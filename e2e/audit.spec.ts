// Auditing end to end: actions by tenants land in the log, each tenant searches only its scopes (by user and
// project, in the API and the page), Kubernetes audit events arrive through the webhook, and CSV export works.
import { readFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { parse } from "yaml";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

let admin: APIRequestContext;
let alice: APIRequestContext; // admin of workspace "demo"
let bob: APIRequestContext; // viewer of workspace "demo"
let carol: APIRequestContext; // operator of project "demo-web"
let dave: APIRequestContext; // no workspace
const project = unique("audited");

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  alice = await signedInApi(baseURL!, "alice", demoPassword);
  bob = await signedInApi(baseURL!, "bob", demoPassword);
  carol = await signedInApi(baseURL!, "carol", demoPassword);
  dave = await signedInApi(baseURL!, "dave", demoPassword);
  // The actions: alice creates a project; bob (a viewer) tries to and is refused.
  expect((await alice.post("/api/v1/workspaces/demo/projects", { data: { name: project, cluster: "host" } })).status()).toBe(201);
  expect((await bob.post("/api/v1/workspaces/demo/projects", { data: { name: `${project}-x`, cluster: "host" } })).status()).toBe(403);
});

test.afterAll(async () => {
  await Promise.all([admin, alice, bob, carol, dave].map((c) => c?.dispose()));
});

const search = async (api: APIRequestContext, query: Record<string, string>) => {
  const res = await api.get("/api/v1/audit/events", { params: query });
  expect(res.status()).toBe(200);
  return (await res.json()).items as { action: string; username: string; project: string; outcome: string; statusCode: number; source: string; name: string }[];
};

test("actions are found by user and project, by the tenants who may see them only", async () => {
  const byAlice = await search(alice, { user: "alice", project });
  expect(byAlice.map((e) => e.action)).toContain("project.create");
  expect(byAlice.find((e) => e.action === "project.create")).toMatchObject({ username: "alice", outcome: "success", statusCode: 201 });

  // The workspace viewer audits the workspace too, including the refusal of its own attempt.
  expect((await search(bob, { user: "alice", project })).map((e) => e.action)).toContain("project.create");
  const denied = await search(bob, { user: "bob", workspace: "demo", outcome: "denied" });
  expect(denied.some((e) => e.action === "project.create" && e.statusCode === 403)).toBe(true);

  // A prefix search by user, a status class, and the histogram agree.
  expect((await search(admin, { user: "ali*", project })).length).toBeGreaterThan(0);
  expect((await search(admin, { user: "bob", status: "4xx" })).length).toBeGreaterThan(0);
  const hist = await (await alice.get("/api/v1/audit/histogram", { params: { project, interval: "1h" } })).json();
  expect(hist.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBeGreaterThan(0);

  // Another project's operator and a user without a workspace see none of it, whatever they ask for.
  expect(await search(carol, { project })).toEqual([]);
  expect(await search(dave, { workspace: "demo" })).toEqual([]);
  expect((await dave.get("/api/v1/audit/verify")).status()).toBe(403);
});

/** A POST as kube-apiserver sends it with the webhook kubeconfig: over HTTPS, trusting only its CA. */
function postOverTls(url: string, caData: string, auth: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((done, fail) => {
    const req = httpsRequest(url, { method: "POST", ca: Buffer.from(caData, "base64"), headers: { authorization: auth, "content-type": "application/json" } }, async (res) => {
      let text = "";
      for await (const chunk of res) text += chunk;
      done({ status: res.statusCode!, json: JSON.parse(text) });
    });
    req.on("error", fail);
    req.end(JSON.stringify(body));
  });
}

test("Kubernetes audit events arrive through the webhook over TLS with the cluster's token", async () => {
  const issued = await admin.post("/api/v1/clusters/host/audit-token");
  expect(issued.status()).toBe(201);
  const { token, kubeconfig, webhookUrl } = await issued.json();
  // The demo's own TLS listener, and its CA in the kubeconfig: what a stock kube-apiserver needs.
  const config = parse(kubeconfig);
  const server: string = config.clusters[0].cluster.server;
  const caData: string = config.clusters[0].cluster["certificate-authority-data"];
  expect(config.users[0].user.token).toBe(token);
  expect(server).toBe(webhookUrl);
  expect(webhookUrl).toMatch(/^https:\/\/localhost:\d+\/api\/v1\/audit\/webhook\/host$/);
  expect(caData).toBeTruthy();
  // That port serves the webhook and nothing else.
  expect((await postOverTls(new URL("/api/v1/workspaces", server).href, caData, `Bearer ${token}`, {})).status).toBe(404);
  // Only platform admins issue tokens.
  expect((await alice.post("/api/v1/clusters/host/audit-token")).status()).toBe(403);

  const list = JSON.parse(readFileSync("tests/fixtures/audit/eventlist.json", "utf8").replaceAll("__NAMESPACE__", project));
  const ids = new Map<string, string>();
  for (const e of list.items) e.auditID = ids.get(e.auditID) ?? ids.set(e.auditID, crypto.randomUUID()).get(e.auditID);
  const post = (auth: string, body: unknown = list) => postOverTls(server, caData, auth, body);
  expect((await post("Bearer wrong")).status).toBe(401);
  expect((await post(`Bearer ${token}`, { kind: "EventList" })).status).toBe(422);
  const ok = await post(`Bearer ${token}`);
  expect(ok.status).toBe(200);
  expect(ok.json).toMatchObject({ accepted: 5 });
  expect((await post(`Bearer ${token}`)).json).toMatchObject({ accepted: 0, duplicates: 5 });

  // Tied to the project through its namespace: alice (workspace admin) sees them, carol does not.
  const k8s = await search(alice, { project, source: "kubernetes" });
  expect(k8s.map((e) => e.name).filter(Boolean).sort()).toEqual(["db-credentials", "web", "web-settings"]);
  expect(k8s).toHaveLength(4);
  expect(await search(carol, { source: "kubernetes", project })).toEqual([]);
  expect((await admin.get("/api/v1/audit/verify")).ok()).toBe(true);
  expect(await (await admin.get("/api/v1/audit/verify")).json()).toMatchObject({ intact: true });
});

test("the audit page searches by user and project from the URL, shows details and exports CSV", async ({ page }) => {
  await signIn(page, "alice", demoPassword);
  await page.goto("/audit");
  // The filter fields, not the column picker's checkboxes of the same names (in the DOM once the table is).
  await page.getByRole("textbox", { name: "User", exact: true }).fill("alice");
  await page.getByRole("textbox", { name: "Project", exact: true }).fill(project);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`user=alice.*project=${project}|project=${project}.*user=alice`));
  const table = page.getByRole("table", { name: /Audit events/ });
  const row = table.getByRole("row").filter({ hasText: "project.create" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("alice");
  await expect(page.getByTestId("audit-histogram")).toBeVisible();

  await row.getByRole("button", { name: /Details of project.create/ }).click();
  await expect(page.getByText("Audit ID")).toBeVisible();

  // The URL alone reproduces the search (a shared link).
  await page.goto(`/audit?project=${project}&source=kubernetes`);
  await expect(table.getByRole("row").filter({ hasText: "k8s.configmaps.create" })).toHaveCount(1);

  await page.goto(`/audit?user=alice&project=${project}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^seq,auditId,receivedAt,completedAt,source,action,verb,username/);
  expect(lines.some((l) => l.includes("project.create") && l.includes(",alice,") && l.includes(project))).toBe(true);
  expect(lines.every((l, i) => i === 0 || l.includes(project))).toBe(true);
});

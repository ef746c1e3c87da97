// #16 item 6 on the running console: the README's API section as a script does it (plain HTTP with a personal access
// token, no cookie and no Origin, as curl sends), and the API reference page reached from the user menu.
import { expect, test } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

test("a personal access token reads, fetches the OpenAPI document and makes a project, as the README shows with curl", async ({ baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const made = await admin.post("/api/v1/me/tokens", { data: { name: unique("readme"), expiresInDays: 1 } });
  expect(made.status()).toBe(201);
  const { token, id } = (await made.json()) as { token: string; id: string };
  await admin.dispose();

  // Node's fetch, like curl, sends neither a cookie nor an Origin.
  const curl = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, baseURL), { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });

  const workspaces = await curl("/api/v1/workspaces");
  expect(workspaces.status).toBe(200);
  expect(((await workspaces.json()) as { items: { name: string }[] }).items.map((w) => w.name)).toContain("demo");

  const doc = await curl("/api/v1/openapi.json");
  expect(doc.status).toBe(200);
  expect(await doc.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/workspaces/{ws}/projects": { post: { operationId: "project.create" } } } });
  expect((await fetch(new URL("/api/v1/openapi.json", baseURL))).status).toBe(401);

  const name = unique("from-curl");
  const created = await curl("/api/v1/workspaces/demo/projects", { method: "POST", body: JSON.stringify({ name, cluster: "host" }) });
  expect(created.status).toBe(201);
  expect(created.headers.get("audit-id")).toBeTruthy();
  expect(await created.json()).toMatchObject({ name, workspace: "demo", cluster: "host" });

  // The same token from a page of another origin is refused: the Origin check holds for bearer callers too.
  const crossOrigin = await curl("/api/v1/workspaces/demo/projects", { method: "POST", body: JSON.stringify({ name: unique("evil"), cluster: "host" }), headers: { origin: "https://evil.example" } });
  expect(crossOrigin.status).toBe(403);
  expect(await crossOrigin.json()).toMatchObject({ code: "cross_origin" });

  expect((await curl(`/api/v1/workspaces/demo/projects/${name}`, { method: "DELETE" })).status).toBe(202);
  expect((await curl(`/api/v1/me/tokens/${id}`, { method: "DELETE" })).status).toBe(204);
  expect((await curl("/api/v1/workspaces")).status).toBe(401);
});

test("the API reference page, from the user menu, shows the routes grouped, with their parameters, bodies and answers", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "bob");

  await page.getByRole("button", { name: /bob/ }).click();
  await page.getByRole("link", { name: "API reference" }).click();
  // A long page rendered on the server; on a loaded machine its first render takes a while.
  await expect(page).toHaveURL(/\/api-reference$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

  const workspaces = page.getByRole("region", { name: "workspaces" });
  const create = workspaces.locator("details", { hasText: "workspace.create" });
  await create.locator("summary").click();
  await expect(create.getByRole("heading", { name: "Request body" })).toBeVisible();
  await expect(create.getByText("Needs workspaces.create")).toBeVisible();
  await expect(create.getByRole("link", { name: "Workspace" })).toHaveAttribute("href", "#schema-Workspace");
  // A schema's fields are mounted when it is opened, and following a link to it opens it.
  const schema = page.locator("#schema-Workspace");
  await expect(schema.getByRole("table")).toHaveCount(0);
  await create.getByRole("link", { name: "Workspace" }).click();
  await expect(schema).toHaveAttribute("open", "");
  await expect(schema.getByRole("table").getByRole("cell", { name: /^clusters/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI document (JSON)" })).toHaveAttribute("href", "/api/v1/openapi.json");
});

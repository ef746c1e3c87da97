// The console experience: each kind of user lands on their own dashboard, keyboard-only navigation
// (global search, workspace switcher), the language switch and the theme toggle, both remembered.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

let otherTenant: string;

test.beforeAll(async ({ baseURL }) => {
  // A second tenant that none of the demo users belongs to: its numbers must not reach their dashboards.
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  otherTenant = unique("ux-other");
  expect((await admin.post("/api/v1/workspaces", { data: { name: otherTenant, clusters: ["member"] } })).status()).toBe(201);
  await admin.dispose();
});

/** A fresh browser session signed in as `username`. */
async function signedIn(browser: Browser, username: string, password = demoPassword): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

test("a platform admin lands on the platform dashboard with every tenant counted", async ({ browser }) => {
  const page = await signedIn(browser, "admin", adminPassword);
  await expect(page.getByRole("heading", { name: "Platform overview" })).toBeVisible();
  const clusters = page.getByRole("table", { name: "Clusters" });
  await expect(clusters.getByRole("row").filter({ hasText: "host" })).toContainText("ready");
  await expect(clusters.getByRole("row").filter({ hasText: "member" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Workspaces \d+/ })).toBeVisible();
  const workspaces = Number((await page.getByRole("link", { name: /^Workspaces \d+/ }).locator("dd").first().textContent()) ?? 0);
  expect(workspaces).toBeGreaterThanOrEqual(2);
  await expect(page.getByText("Denied access, last 7 days")).toBeVisible();
  await page.context().close();
});

test("a workspace admin sees only their own workspace, with its projects", async ({ browser }) => {
  const page = await signedIn(browser, "alice");
  await expect(page.getByRole("heading", { name: "Your dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demo workspace" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Demo web shop" })).toBeVisible();
  await expect(page.getByText(otherTenant)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Platform overview" })).toHaveCount(0);
  // The platform endpoint itself refuses her.
  expect((await page.request.get("/api/v1/dashboard")).status()).toBe(403);
  await page.context().close();
});

test("a project operator sees their project; the project overview reads workloads as them", async ({ browser }) => {
  const page = await signedIn(browser, "carol");
  await expect(page.getByRole("link", { name: "Demo web shop" })).toBeVisible();
  await expect(page.getByText(otherTenant)).toHaveCount(0);
  await page.getByRole("link", { name: "Demo web shop" }).click();
  await expect(page.getByText("Read from the cluster as tenantry:carol")).toBeVisible();
  await expect(page.getByText("tenantry:carol", { exact: true })).toBeVisible();
  await page.getByText("Kubernetes objects Tenantry manages here (YAML)").click();
  await expect(page.getByText("kind: ResourceQuota")).toBeVisible();
  await page.context().close();
});

test("a self-provisioner with no workspace gets an empty dashboard that says what to do", async ({ browser }) => {
  const page = await signedIn(browser, "dave");
  await expect(page.getByText("You have no workspace yet.")).toBeVisible();
  await page.context().close();
});

test("signing out from the user menu ends the session: its cookie no longer opens the console", async ({ browser }) => {
  const page = await signedIn(browser, "dave");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: /dave/ }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  // The same cookie, kept by someone else, is refused too: the session ended on the server.
  const kept = await browser.newContext();
  await kept.addCookies(cookies);
  expect((await kept.request.get("/api/v1/me")).status()).toBe(401);
  await kept.close();
  await page.context().close();
});

test("global search and the workspace switcher work from the keyboard alone", async ({ browser }) => {
  const page = await signedIn(browser, "alice");
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("demo-w");
  await expect(dialog.getByRole("listbox")).toHaveAttribute("aria-busy", "false");
  await expect(dialog.getByRole("option", { name: /Demo web shop/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workspaces\/demo\/projects\/demo-web$/);

  await page.getByRole("button", { name: /Workspace:/ }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type("dem");
  await expect(page.getByRole("listbox")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("option", { name: /Demo workspace/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workspaces\/demo$/);
  // The search never offers another tenant's workspace.
  const found = await (await page.request.get(`/api/v1/search?q=${otherTenant}`)).json();
  expect(found.workspaces).toEqual([]);
  await page.context().close();
});

test("the language switch translates the console and is remembered", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, "alice");
  await page.getByLabel("Language").selectOption("zh");
  await expect(page.getByRole("heading", { name: "我的概览" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "企业空间" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByRole("heading", { name: "我的概览" })).toBeVisible();

  // The profile page too: its cards, the sessions table and the session in use.
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "个人资料", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "你已登录的会话" }).getByText("当前会话")).toBeVisible();
  await expect(page.getByRole("button", { name: "创建令牌" })).toBeVisible();

  // The role editor names its modules in Chinese, and the server's field messages come back in Chinese too.
  await page.goto("/workspaces/demo/roles/new");
  const matrix = page.getByRole("table", { name: "按模块划分的权限" });
  await expect(matrix.getByRole("rowheader", { name: "企业空间成员" })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: "Workspace members" })).toHaveCount(0);
  await page.getByLabel("名称", { exact: true }).fill("Not_A_Name");
  await page.getByRole("button", { name: "创建角色" }).click();
  // The form checks the route's schema in the browser and says its message in Chinese, as the server would.
  await expect(page.getByText("只能包含小写字母、数字和“-”，且须以字母或数字开头和结尾。")).toBeVisible();
  // So does a refusal's detail (409: a built-in role's name), its value kept, in the one toast it makes.
  await page.getByLabel("名称", { exact: true }).fill("admin");
  await page.getByLabel("名称", { exact: true }).press("Enter");
  await expect(page.getByRole("status", { name: "通知" }).filter({ hasText: "已存在" })).toContainText("“admin”是内置角色。");
  // A script (no language cookie, no Accept-Language) still reads the API in English.
  const script = await signedInApi(baseURL!, "alice", demoPassword);
  const refused = await (await script.post("/api/v1/workspaces/demo/roles", { data: { name: "Not_A_Name", templates: [] } })).json();
  expect(refused.issues[0].message).toBe("Lowercase letters, digits and '-', starting and ending with a letter or digit.");
  const taken = await (await script.post("/api/v1/workspaces/demo/roles", { data: { name: "admin", templates: [] } })).json();
  expect(taken.detail).toBe('"admin" is a built-in role.');
  await script.dispose();

  // The audit histogram says its interval in words.
  await page.goto("/workspaces/demo/audit");
  await expect(page.getByRole("figure", { name: "事件随时间分布" })).toContainText(/条事件 · 每/);

  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("figure", { name: "Events over time" })).toContainText(/events? · per /);
  await page.context().close();
});

test("the theme follows the system, toggles to light and dark, and is remembered", async ({ browser }) => {
  const page = await signedIn(browser, "alice");
  const html = page.locator("html");
  await expect(html).toHaveClass(/system/);
  await page.getByRole("button", { name: /^Theme: system/ }).click();
  await expect(html).toHaveClass(/light/);
  await page.getByRole("button", { name: /^Theme: light/ }).click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: /^Theme: dark/ })).toBeVisible();
  await page.context().close();
});

test("at tablet width the sidebar stays and nothing overflows sideways", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  for (const path of ["/dashboard", "/workspaces/demo", "/workspaces/demo/projects/demo-web", "/audit"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(768);
  }
  await context.close();
});

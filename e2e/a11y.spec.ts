// axe on every page: 0 serious or critical WCAG 2 A/AA violations, in light and (for the main pages) dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { adminPassword, demoPassword } from "./support/api";

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Waits for the page's data (no spinner left), then runs axe and keeps what would block someone. */
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Loading/ })).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(blocking, `${path}`).toEqual([]);
}

const adminPages = [
  "/dashboard",
  "/workspaces",
  "/workspaces/demo",
  "/workspaces/demo/members",
  "/workspaces/demo/roles",
  "/workspaces/demo/roles/new",
  "/workspaces/demo/access",
  "/workspaces/demo/quotas",
  "/workspaces/demo/network",
  "/workspaces/demo/projects/demo-web",
  "/workspaces/demo/projects/demo-web/members",
  "/workspaces/demo/projects/demo-web/roles",
  "/workspaces/demo/projects/demo-web/quota",
  "/workspaces/demo/projects/demo-web/network",
  "/clusters",
  "/clusters/host",
  "/clusters/new",
  "/users",
  "/users/alice",
  "/platform/roles",
  "/platform/roles/new",
  "/audit",
];

test("the sign-in page has no serious or critical violations", async ({ page }) => {
  await expectAccessible(page, "/login");
});

test("every console page has no serious or critical violations (platform admin)", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin", adminPassword);
  for (const path of adminPages) await expectAccessible(page, path);
});

test("tenants' dashboards and overviews have no serious or critical violations", async ({ browser }) => {
  for (const [user, paths] of [
    ["alice", ["/dashboard", "/workspaces/demo"]],
    ["carol", ["/dashboard", "/workspaces/demo/projects/demo-web"]],
    ["dave", ["/dashboard"]],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user, demoPassword);
    for (const path of paths) await expectAccessible(page, path);
    await page.context().close();
  }
});

test("the main pages have no serious or critical violations in dark mode", async ({ browser }) => {
  const page = await (await browser.newContext({ colorScheme: "dark" })).newPage();
  await signIn(page, "admin", adminPassword);
  for (const path of ["/dashboard", "/workspaces/demo", "/workspaces/demo/projects/demo-web", "/audit"]) await expectAccessible(page, path);
  await page.context().close();
});

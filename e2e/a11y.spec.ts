// axe on every console page (consolePages(): a new page is walked without being listed): 0 serious or critical
// WCAG 2 A/AA violations as the platform admin in light, colour contrast in dark on one page of each kind, and on
// sign-in. (A project member's pages are the same components with fewer controls; the read-only walk opens them.)
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { consolePages, openSettled, signIn } from "./support/pages";

/**
 * Every page but the API reference: one server-rendered document of every route, the largest DOM axe reads (30–80 s
 * on a 2-core CI machine, more than the rest of the walk). An exploratory run over it found one contrast finding,
 * fixed in baf572e; it is left out of CI for its cost.
 */
const pages = consolePages().filter((p) => p !== "/api-reference");
/** Dark mode changes colours only, the same tokens on every page: its contrast is read on these, one of each kind. */
const darkPages = new Set(["/dashboard", "/workspaces/demo", "/workspaces/demo/projects/demo-web", "/workspaces/demo/projects/demo-web/quota", "/workspaces/demo/roles/admin", "/audit", "/clusters/host", "/workspaces/demo/projects/demo-web/workloads/configmaps/kube-root-ca.crt"]);

/** What would block someone, as "rule (impact): first targets": WCAG 2 A/AA rules, or only those named. */
async function blocking(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const result = await (rules ? axe.withRules(rules) : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * One load, every rule in light, then (on the dark pages) colour contrast in dark: the default theme ("system")
 * follows prefers-color-scheme, so dark is emulated on the loaded page, and the theme changes colours only (the
 * other rules would answer the same twice). Soft: one run lists every page's findings.
 */
async function expectAccessible(page: Page, path: string, open = openSettled) {
  await open(page, path);
  expect.soft(await blocking(page), `${path} (light)`).toEqual([]);
  if (!darkPages.has(path) && path !== "/login") return;
  await page.emulateMedia({ colorScheme: "dark" });
  expect.soft(await blocking(page, ["color-contrast"]), `${path} (dark)`).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
}

test("the sign-in page has no serious or critical violations", async ({ page }) => {
  await expectAccessible(page, "/login", async (p, path) => {
    await p.goto(path);
    await expect(p.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  });
});

test("every console page has no serious or critical violations (platform admin)", async ({ page }) => {
  test.setTimeout(300_000); // 35 pages with axe: ~3 minutes on a busy 2-core machine
  await signIn(page, "admin");
  for (const path of pages) await expectAccessible(page, path);
});

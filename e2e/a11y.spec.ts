// axe on every console page (consolePages(): a new page is walked without being listed): 0 serious or critical
// WCAG 2 A/AA violations as the platform admin and as a project member (carol), in light and dark, and on sign-in.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { consolePages, openSettled, signIn } from "./support/pages";

const pages = consolePages();
const project = "/workspaces/demo/projects/demo-web";
/**
 * What carol (project operator, a regular workspace member) opens: her own pages, her workspace's overview, her
 * project's. The API reference is left to admin's walk: the same server-rendered document for everyone, and the
 * largest page axe reads.
 */
const memberPages = pages.filter((p) => ["/dashboard", "/profile", "/workspaces", "/workspaces/demo"].includes(p) || p.startsWith(project));

/** What would block someone, as "rule (impact): first targets": WCAG 2 A/AA rules, or only those named. */
async function blocking(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const result = await (rules ? axe.withRules(rules) : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * One load, every rule in light, then colour contrast in dark: the default theme ("system") follows
 * prefers-color-scheme, so dark is emulated on the loaded page, and the theme changes colours only (the other
 * rules would answer the same twice). Soft: one run lists every page's findings.
 */
async function expectAccessible(page: Page, path: string, open = openSettled) {
  await open(page, path);
  expect.soft(await blocking(page), `${path} (light)`).toEqual([]);
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
  test.setTimeout(180_000);
  await signIn(page, "admin");
  for (const path of pages) await expectAccessible(page, path);
});

test("a project member's pages have no serious or critical violations (carol)", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "carol");
  for (const path of memberPages) await expectAccessible(page, path);
});

// axe on an open page: 0 serious or critical WCAG 2 A/AA violations in light, and colour contrast in dark on one
// page of each kind (dark mode changes colours only, the same tokens on every page).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const darkPages = new Set(["/login", "/dashboard", "/workspaces/demo", "/workspaces/demo/projects/demo-web", "/workspaces/demo/projects/demo-web/quota", "/workspaces/demo/roles/admin", "/audit", "/clusters/host", "/workspaces/demo/projects/demo-web/workloads/configmaps/kube-root-ca.crt"]);

/** What would block someone, as "rule (impact): first targets": WCAG 2 A/AA rules, or only those named. */
async function blocking(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const result = await (rules ? axe.withRules(rules) : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * Every rule in light, then (on the dark pages) colour contrast in dark: the default theme ("system") follows
 * prefers-color-scheme, so dark is emulated on the loaded page. Soft: one walk lists every page's findings.
 */
export async function expectAccessible(page: Page, path: string) {
  expect.soft(await blocking(page), `${path} (light)`).toEqual([]);
  if (!darkPages.has(path)) return;
  await page.emulateMedia({ colorScheme: "dark" });
  // Some colours change with a CSS transition (the nav links): measured once they have settled, not mid-fade.
  await page.waitForFunction(() => {
    void document.body.getBoundingClientRect(); // the style recalculation that starts the new scheme's transitions
    return !document.getAnimations().some((a) => a instanceof CSSTransition);
  });
  expect.soft(await blocking(page, ["color-contrast"]), `${path} (dark)`).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
}

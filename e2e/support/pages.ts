// The console's pages, read from app/(console)/**/page.tsx so a new page is walked without being listed, with
// each dynamic segment filled from the seeded demo. Shared by the page walks and sign-in.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, type Page } from "@playwright/test";
import { adminPassword, demoPassword } from "./api";

/** The demo object behind each dynamic segment; a role segment names a role of its own level. */
const DEMO: Record<string, string> = {
  ws: "demo",
  project: "demo-web",
  cluster: "host",
  username: "alice",
  kind: "configmaps",
  name: "kube-root-ca.crt",
};
const ROLE_BY_LEVEL: [prefix: string, role: string][] = [
  ["/workspaces/[ws]/projects/[project]/roles", "operator"],
  ["/workspaces/[ws]/roles", "admin"],
  ["/platform/roles", "platform-admin"],
];

function fill(template: string): string {
  const role = ROLE_BY_LEVEL.find(([prefix]) => template.startsWith(prefix))?.[1];
  return template.replace(/\[(\w+)\]/g, (_, key: string) => (key === "role" ? role : DEMO[key]) ?? `[${key}]`);
}

/** Every console page as a concrete path (the catch-all not-found page left out), sorted. */
export function consolePages(root = "app/(console)"): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!entry.startsWith("[...")) visit(path);
      } else if (entry === "page.tsx") {
        out.push(fill(`/${relative(root, dir).split(sep).filter(Boolean).join("/")}`));
      }
    }
  };
  visit(root);
  return out.sort();
}

export type DemoUser = "admin" | "alice" | "bob" | "carol" | "dave";

/**
 * Signs in through the form, as a user would, from `from`: the sign-in page, or a page that sends a signed-out
 * visitor there first. Returns once the console has taken them where it sends them: back to `from`, or from the
 * sign-in page to the dashboard (by way of `/`, which is no place to act on yet: a key pressed there is lost).
 */
export async function signIn(page: Page, username: DemoUser | string, password = username === "admin" ? adminPassword : demoPassword, from = "/login") {
  await page.goto(from);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const landing = from === "/login" ? "/dashboard" : from;
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}

/** Opens a page and waits until its heading (or, for a refusal, its alert) is there and nothing is still loading. */
export async function openSettled(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
}

/**
 * The page's heading (or, for a refusal, its alert) is there, nothing is still loading, and the document has its
 * title: after a client navigation Next streams the new page's metadata, so for a moment there can be none (axe's
 * document-title rule once measured exactly that moment).
 */
async function settled(page: Page) {
  await expect(page.locator("h1, main [role=alert]").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Loading/ })).toHaveCount(0);
  await expect.poll(() => page.title()).not.toBe("");
}

/**
 * Moves to a page as a click on a link does (the app router's client navigation: no reload, the page's code and the
 * query cache kept), then waits as openSettled() does. A walk of every page this way spends its time on the pages,
 * not on loading the console again for each.
 */
export async function navigateSettled(page: Page, path: string) {
  await page.evaluate((to) => (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push(to), path);
  await page.waitForURL((url) => url.pathname === path);
  await settled(page);
}

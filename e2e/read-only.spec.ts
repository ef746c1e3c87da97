// Read-only means read-only (#15 item 4): every demo user walks every page they can reach, and no control is
// enabled that their roles do not let them use. A guarded control says what it needs (data-requires=
// "<permission>@<workspace>[/<project>]", from lib/client/hooks/can.ts): enabled, the caller must hold it
// (GET /api/v1/me/permissions); disabled, it must say why. Where the caller manages nothing, an enabled
// control that changes something (by its verb) must be guarded at all.
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { templatesByName } from "../lib/rbac/catalogue";
import { adminPassword, demoPassword, signedInApi } from "./support/api";

const WS = "demo";
const PROJECT = "demo-web";
const P = `/workspaces/${WS}/projects/${PROJECT}`;

interface PageSpec {
  path: string;
  /** What the caller needs to reach it (at the page's scope); none: everyone. */
  needs?: string;
  /** Every control acts on the caller's own account (password, tokens, sessions). */
  selfService?: boolean;
}

const pages: PageSpec[] = [
  { path: "/dashboard" },
  { path: "/workspaces" },
  { path: "/audit" },
  { path: "/profile", selfService: true },
  { path: "/clusters", needs: "clusters.view" },
  { path: "/clusters/host", needs: "clusters.view" },
  { path: "/clusters/new", needs: "clusters.manage" },
  { path: "/users", needs: "users.view" },
  { path: "/users/bob", needs: "users.view" },
  { path: "/platform/roles", needs: "platform-roles.view" },
  { path: "/platform/roles/platform-regular", needs: "platform-roles.view" },
  { path: "/platform/roles/new", needs: "platform-roles.manage" },
  { path: "/settings", needs: "settings.view" },
  { path: "/settings/identity-providers", needs: "settings.view" },
  { path: `/workspaces/${WS}`, needs: "workspace-settings.view" },
  { path: `/workspaces/${WS}/members`, needs: "workspace-members.view" },
  { path: `/workspaces/${WS}/roles`, needs: "workspace-roles.view" },
  { path: `/workspaces/${WS}/roles/viewer`, needs: "workspace-roles.view" },
  { path: `/workspaces/${WS}/roles/new`, needs: "workspace-roles.manage" },
  { path: `/workspaces/${WS}/quotas`, needs: "workspace-quotas.view" },
  { path: `/workspaces/${WS}/network`, needs: "workspace-network.view" },
  { path: `/workspaces/${WS}/audit`, needs: "workspace-audit.view" },
  { path: `/workspaces/${WS}/access`, needs: "workspace-members.view" },
  { path: P, needs: "project-settings.view" },
  { path: `${P}/members`, needs: "project-members.view" },
  { path: `${P}/roles`, needs: "project-roles.view" },
  { path: `${P}/roles/operator`, needs: "project-roles.view" },
  { path: `${P}/roles/new`, needs: "project-roles.manage" },
  { path: `${P}/quota`, needs: "project-quota.view" },
  { path: `${P}/network`, needs: "project-network.view" },
  { path: `${P}/audit`, needs: "project-audit.view" },
];

/** Names of controls that change something: unguarded and enabled, they are a bug where the caller manages nothing. */
const MUTATION = /^(add|create|new|save|delete|remove|edit|invite|revoke|issue|register|set|turn (on|off)|change|move|unlock|lock|disable|enable|test|review|bind|rotate)\b/i;

const scopeOf = (path: string) => {
  const m = path.match(/^\/workspaces\/([^/]+)(?:\/projects\/([^/]+))?/);
  return { workspace: m?.[1], project: m?.[2] };
};
const scopeKey = (s: { workspace?: string; project?: string }) => [s.workspace, s.project].filter(Boolean).join("/");

interface Control {
  tag: string;
  name: string;
  disabled: boolean;
  requires: string | null;
  title: string | null;
  /** A field of a form whose submit button changes something. */
  inMutationForm: boolean;
}

async function walk(browser: Browser, baseURL: string, username: string, password: string) {
  const api: APIRequestContext = await signedInApi(baseURL, username, password);
  const granted = new Map<string, Set<string>>();
  const permissionsAt = async (key: string) => {
    if (!granted.has(key)) {
      const [workspace, project] = key.split("/");
      const res = await api.get("/api/v1/me/permissions", { params: { ...(workspace ? { workspace } : {}), ...(project ? { project } : {}) } });
      granted.set(key, new Set(res.ok() ? (await res.json()).permissions : []));
    }
    return granted.get(key)!;
  };

  const context = await browser.newContext({ storageState: await api.storageState() });
  const page = await context.newPage();
  const violations: string[] = [];
  let visited = 0;
  let guarded = 0;
  const reasons = new Set<string>();
  for (const spec of pages) {
    const key = scopeKey(scopeOf(spec.path));
    const held = await permissionsAt(key);
    if (spec.needs && !held.has(spec.needs)) continue;
    await page.goto(spec.path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main h1").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("main [role=status] .animate-spin")).toHaveCount(0, { timeout: 30_000 });
    visited++;
    const controls: Control[] = await page.locator("main").evaluate((main, mutation) => {
      const verb = new RegExp(mutation, "i");
      const nameOf = (el: Element) =>
        (el.getAttribute("aria-label") || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute("title") || "").trim().replace(/\s+/g, " ");
      return [...main.querySelectorAll("button, input, select, textarea, a[data-requires]")]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest("[role=search], summary"))
        .filter((el) => !(el instanceof HTMLInputElement && ["search", "hidden"].includes(el.type)))
        .map((el) => {
          const submit = el.closest("form")?.querySelector("button[type=submit]");
          return {
            tag: el.tagName.toLowerCase(),
            name: nameOf(el),
            disabled: (el as HTMLButtonElement).disabled === true || (el as HTMLInputElement).readOnly === true || el.getAttribute("aria-disabled") === "true",
            requires: el.getAttribute("data-requires"),
            title: el.getAttribute("title"),
            inMutationForm: el.tagName !== "BUTTON" && !!submit && verb.test(nameOf(submit)),
          };
        });
    }, MUTATION.source);

    const managesHere = [...held].some((p) => /\.(manage|create)$/.test(p) && templatesByName.get(p)?.level === (key.includes("/") ? "project" : key ? "workspace" : "platform"));
    for (const c of controls) {
      const where = `${username} ${spec.path}: ${c.tag} "${c.name}"`;
      if (c.requires) {
        guarded++;
        const [permission, scope] = c.requires.split("@") as [string, string];
        if (!templatesByName.has(permission)) violations.push(`${where} requires unknown permission ${permission}`);
        const allowed = (await permissionsAt(scope)).has(permission);
        if (!c.disabled && !allowed) violations.push(`${where} is enabled without ${c.requires}`);
        if (c.disabled && !allowed && !c.title?.includes(permission)) violations.push(`${where} is disabled without saying why (${c.requires})`);
        if (c.disabled && !allowed && c.title) reasons.add(c.title);
      } else if (!c.disabled && !spec.selfService && !managesHere && (MUTATION.test(c.name) || c.inMutationForm)) {
        violations.push(`${where} is enabled and unguarded where ${username} manages nothing`);
      }
    }
  }
  await context.close();
  await api.dispose();
  return { username, violations, visited, guarded, reasons };
}

test("every demo role walks every page it can reach and finds no enabled control it cannot use", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // One browser context each, side by side: the walk is waiting on the server, not on the CPU.
  const users: [string, string][] = [["admin", adminPassword], ...["alice", "bob", "carol", "dave"].map((u): [string, string] => [u, demoPassword])];
  const results = await Promise.all(users.map(([u, pw]) => walk(browser, baseURL!, u, pw)));
  expect(results.flatMap((r) => r.violations)).toEqual([]);
  const by = Object.fromEntries(results.map((r) => [r.username, r]));
  // Not vacuous: each reached the pages its role opens, and the managers met guarded controls.
  expect(by.admin!.visited).toBe(pages.length);
  expect(by.bob!.visited).toBeGreaterThanOrEqual(17);
  expect(by.carol!.visited).toBeGreaterThanOrEqual(10);
  expect(by.dave!.visited).toBeGreaterThanOrEqual(6);
  expect(by.alice!.guarded).toBeGreaterThan(5);
  // A disabled control names the role that withholds it: bob's isolation switches on a project's network page.
  expect([...by.bob!.reasons]).toContain(`Your role viewer in workspace ${WS} does not grant project-network.manage`);
});

// Read-only means read-only (#15 item 4), checked on an open page: no enabled control the user's roles do not let
// them use. The rule, for every visible control in the page's main content:
//  (a) a guarded control says what it needs (data-requires="<permission>@<workspace>[/<project>]", from
//      lib/client/hooks/can.ts, on the control or an ancestor such as a form's fieldset); enabled, the caller must
//      hold it (GET /api/v1/me/permissions); disabled, it must say why (its title). "self" guards what acts on the
//      caller's own account (password, tokens, sessions), which everyone may do;
//  (b) an enabled control without a guard must be one of NON_MUTATING's few kinds — so a new unguarded button fails.
// A page the user may not see answers the console's not-found page or its refusal (an alert saying why); its
// controls are checked all the same.
import type { Page } from "@playwright/test";
import { templatesByName } from "../../lib/rbac/catalogue";

/** Controls that change nothing, by kind: where they sit or what they are marked as. */
const NON_MUTATING: Record<string, string> = {
  "search, filters and column picker": "[role=search] *",
  sort: "thead button",
  "tabs and disclosures": "[role=tab], [aria-expanded]",
  "paging, refresh and live tail; copy; which view to show (marked data-control)": "[data-control=paging], [data-control=copy], [data-control=view]",
};

const CONTROLS = "button, input:not([type=hidden]), select, textarea, [role=switch], [role=checkbox], [role=radio], [role=combobox], [contenteditable=true], a[data-requires]";

/** The permission that opens a page (its pattern over consolePages()' paths); none: everyone's. */
const PAGE_NEEDS: [RegExp, string][] = [
  [/^\/clusters\/new$/, "clusters.manage"],
  [/^\/clusters/, "clusters.view"],
  [/^\/users/, "users.view"],
  [/^\/platform\/roles\/new$/, "platform-roles.manage"],
  [/^\/platform\/roles/, "platform-roles.view"],
  [/^\/settings/, "settings.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/members$/, "project-members.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/roles\/new$/, "project-roles.manage"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/roles/, "project-roles.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/quota$/, "project-quota.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/network$/, "project-network.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/audit$/, "project-audit.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+\/workloads/, "workloads.view"],
  [/^\/workspaces\/[^/]+\/projects\/[^/]+$/, "project-settings.view"],
  // The access review and the audit search open to every member of the workspace: one reviews a project whose
  // members they may read, the other searches what the caller may see (the API scopes both).
  [/^\/workspaces\/[^/]+\/(access|audit)$/, "workspace-settings.view"],
  [/^\/workspaces\/[^/]+\/members$/, "workspace-members.view"],
  [/^\/workspaces\/[^/]+\/roles\/new$/, "workspace-roles.manage"],
  [/^\/workspaces\/[^/]+\/roles/, "workspace-roles.view"],
  [/^\/workspaces\/[^/]+\/quotas$/, "workspace-quotas.view"],
  [/^\/workspaces\/[^/]+\/network$/, "workspace-network.view"],
  [/^\/workspaces\/[^/]+$/, "workspace-settings.view"],
];

interface Control {
  name: string;
  enabled: boolean;
  requires: string | null;
  title: string | null;
  safe: string | null;
}

/** Every visible control in main: its name, whether it is enabled, its guard and its non-mutating kind. */
function controlsOf(page: Page): Promise<Control[]> {
  return page.locator("main").evaluate(
    (main, { selector, kinds }) => {
      const nameOf = (el: Element) => {
        const text = el.getAttribute("aria-label") || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute("title") || el.getAttribute("placeholder") || "";
        return `${el.tagName.toLowerCase()} "${text.trim().replace(/\s+/g, " ").slice(0, 60)}"`;
      };
      return [...main.querySelectorAll(selector)]
        .filter((el) => (el as HTMLElement).checkVisibility?.() ?? true)
        .map((el) => {
          const guard = el.closest("[data-requires]");
          return {
            name: nameOf(el),
            enabled: !el.matches(":disabled") && el.getAttribute("aria-disabled") !== "true" && !(el as HTMLInputElement).readOnly,
            requires: guard?.getAttribute("data-requires") ?? null,
            title: (el.closest("[title]") as HTMLElement | null)?.title ?? null,
            safe: Object.entries(kinds).find(([, s]) => el.matches(s))?.[0] ?? null,
          };
        });
    },
    { selector: CONTROLS, kinds: NON_MUTATING },
  );
}

/** A page's scope for its permission: the platform's for a platform permission. */
const scopeOf = (path: string, permission: string) =>
  templatesByName.get(permission)?.level === "platform" ? "" : (path.match(/^\/workspaces\/([^/]+)(?:\/projects\/([^/]+))?/)?.slice(1).filter(Boolean).join("/") ?? "");

/**
 * The read-only check for one signed-in user, page after page: what is wrong on the open page, and how many pages the
 * user could see and guarded controls they met on the way (so a walk that saw nothing does not pass).
 */
export function readOnlyCheck(page: Page) {
  const held = new Map<string, Set<string>>();
  const permissionsAt = async (scope: string) => {
    if (!held.has(scope)) {
      const [workspace, project] = scope.split("/");
      const res = await page.request.get("/api/v1/me/permissions", { params: { ...(workspace ? { workspace } : {}), ...(project ? { project } : {}) } });
      held.set(scope, new Set(res.ok() ? ((await res.json()).permissions as string[]) : []));
    }
    return held.get(scope)!;
  };
  const seen = { visited: 0, guarded: 0 };

  async function problemsOn(path: string): Promise<string[]> {
    const problems: string[] = [];
    const needs = PAGE_NEEDS.find(([pattern]) => pattern.test(path))?.[1];
    const visible = !needs || (await permissionsAt(scopeOf(path, needs))).has(needs);
    const notFound = await page.getByTestId("not-found").isVisible();
    if (visible && notFound) problems.push(`${path}: answers not-found though the user holds ${needs}`);
    if (!visible) {
      // A section they may not read may say so instead: the console's refusal, with the reason.
      const refused = (await page.getByRole("alert").filter({ hasText: "You don't have access to this" }).count()) > 0;
      if (!notFound && !refused) problems.push(`${path}: opens though the user lacks ${needs}`);
    }
    if (visible) seen.visited++;
    for (const c of await controlsOf(page)) {
      const where = `${path}: ${c.name}`;
      if (c.requires && c.requires !== "self") {
        seen.guarded++;
        const [permission, at = ""] = c.requires.split("@");
        if (!templatesByName.has(permission!)) problems.push(`${where} requires the unknown permission ${permission}`);
        const allowed = (await permissionsAt(at)).has(permission!);
        if (c.enabled && !allowed) problems.push(`${where} is enabled without ${c.requires}`);
        if (!c.enabled && !allowed && !c.title) problems.push(`${where} is disabled without saying why (${c.requires})`);
      } else if (!c.requires && c.enabled && !c.safe) {
        problems.push(`${where} is enabled and unguarded`);
      }
    }
    return problems;
  }
  return { problemsOn, seen };
}

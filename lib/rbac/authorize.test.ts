import { describe, expect, it } from "vitest";
import { authorize, missingPermissions, projectKey, visibleScope, type Principal, type Scope } from "./authorize";
import { builtinRole, withDependencies, type Level } from "./catalogue";
import { effectivePermissions } from "./effective";

const grant = (level: Level, role: string) => ({ role, permissions: new Set(builtinRole(level, role)!.templates) });

function principal(opts: { platform?: string; workspaces?: Record<string, string>; projects?: Record<string, string>; active?: boolean }): Principal {
  return {
    userId: "u1",
    username: "user",
    active: opts.active ?? true,
    platform: grant("platform", opts.platform ?? "platform-regular"),
    workspaces: new Map(Object.entries(opts.workspaces ?? {}).map(([ws, r]) => [ws, grant("workspace", r)])),
    projects: new Map(Object.entries(opts.projects ?? {}).map(([k, r]) => [k, grant("project", r)])),
  };
}

const admin = principal({ platform: "platform-admin" });
const wsAdminA = principal({ workspaces: { a: "admin" } });
const wsViewerA = principal({ workspaces: { a: "viewer" } });
const wsRegularA = principal({ workspaces: { a: "regular" }, projects: { [projectKey("a", "web")]: "operator" } });
const selfProvA = principal({ workspaces: { a: "self-provisioner" } });
const projViewer = principal({ workspaces: { a: "regular" }, projects: { [projectKey("a", "web")]: "viewer" } });
const regular = principal({});
const disabled = principal({ platform: "platform-admin", active: false });

const A = { workspace: "a" };
const B = { workspace: "b" };
const webA = { workspace: "a", project: "web" };
const dbA = { workspace: "a", project: "db" };

// [who, action, scope, allowed, visible]
const cases: [string, Principal, string, object, boolean, boolean][] = [
  ["admin: clusters", admin, "clusters.manage", {}, true, true],
  ["admin: any workspace", admin, "workspace-settings.manage", B, true, true],
  ["admin: any project", admin, "project-members.manage", { workspace: "b", project: "x" }, true, true],
  ["regular: no clusters", regular, "clusters.view", {}, false, true],
  ["regular: cannot create workspaces", regular, "workspaces.create", {}, false, true],
  ["regular: other workspace hidden", regular, "workspace-settings.view", A, false, false],
  ["ws admin: own workspace", wsAdminA, "workspace-members.manage", A, true, true],
  ["ws admin: every project in it", wsAdminA, "project-settings.manage", dbA, true, true],
  ["ws admin: other workspace hidden", wsAdminA, "workspace-settings.view", B, false, false],
  ["ws admin: other workspace's project hidden", wsAdminA, "project-settings.view", { workspace: "b", project: "web" }, false, false],
  ["ws admin: no platform rights", wsAdminA, "users.view", {}, false, true],
  ["ws viewer: views workspace", wsViewerA, "workspace-members.view", A, true, true],
  ["ws viewer: cannot manage workspace", wsViewerA, "workspace-settings.manage", A, false, true],
  ["ws viewer: views every project", wsViewerA, "project-settings.view", dbA, true, true],
  ["ws viewer: cannot manage projects", wsViewerA, "project-settings.manage", dbA, false, true],
  ["ws regular: sees workspace", wsRegularA, "workspace-settings.view", A, true, true],
  ["ws regular: cannot list members", wsRegularA, "workspace-members.view", A, false, true],
  ["ws regular: operator in own project", wsRegularA, "project-quota.manage", webA, true, true],
  ["operator: no member management", wsRegularA, "project-members.manage", webA, false, true],
  ["ws regular: other project hidden", wsRegularA, "project-settings.view", dbA, false, false],
  ["self-provisioner: creates projects", selfProvA, "projects.create", A, true, true],
  ["self-provisioner: cannot manage others' projects", selfProvA, "project-settings.manage", dbA, false, false],
  ["project viewer: views", projViewer, "project-settings.view", webA, true, true],
  ["project viewer: cannot manage", projViewer, "project-settings.manage", webA, false, true],
  ["disabled admin: nothing", disabled, "clusters.view", {}, false, true],
  ["unknown action denied", admin, "nuclear.launch", {}, false, true],
  ["workspace action without workspace", admin, "workspace-settings.view", {}, false, true],
];

describe("authorize", () => {
  it.each(cases)("%s", (_name, p, action, scope, allowed, visible) => {
    const d = authorize(p, action, scope);
    expect({ allowed: d.allowed, visible: d.visible }).toEqual({ allowed, visible });
    expect(d.reason).toMatch(/\w/);
  });

  it("names the role that decided", () => {
    expect(authorize(wsAdminA, "project-settings.view", dbA).reason).toContain('workspace role "admin"');
    expect(authorize(wsViewerA, "workspace-settings.manage", A).reason).toContain('"viewer" does not grant');
  });
});

describe("effective permissions and escalation", () => {
  it("a project operator holds all project templates but members and roles management", () => {
    const perms = effectivePermissions(wsRegularA, webA);
    expect(perms).toContain("project-quota.manage");
    expect(perms).not.toContain("project-members.manage");
    expect(perms).not.toContain("project-roles.manage");
  });

  it("lists exactly what an actor lacks to grant a role (Covers)", () => {
    const held = new Set(effectivePermissions(wsRegularA, webA));
    expect(missingPermissions(held, builtinRole("project", "admin")!.templates).sort()).toEqual(["project-members.manage", "project-roles.manage"]);
    expect(missingPermissions(held, builtinRole("project", "viewer")!.templates)).toEqual([]);
  });

  it("manage templates pull in their view and declared dependencies", () => {
    expect([...withDependencies(["workspace-members.manage"])].sort()).toEqual(["workspace-members.manage", "workspace-members.view", "workspace-roles.view"]);
  });
});

describe("visibleScope (what an audit event of a refused request may name)", () => {
  it.each([
    ["platform admin: any workspace and project", admin, { workspace: "b", project: "x" }, { workspace: "b", project: "x" }],
    ["member of A: not B", wsAdminA, { workspace: "b", project: "x" }, {}],
    ["regular of A: A, a project it is in", wsRegularA, webA, webA],
    ["regular of A: A, not a project it is not in", wsRegularA, dbA, A],
    ["viewer of A: every project of A", wsViewerA, dbA, dbA],
    ["no workspace: nothing", regular, {}, {}],
    ["outsider: nothing of A", regular, webA, {}],
  ])("%s", (_what, p, scope, seen) => expect(visibleScope(p, scope)).toEqual(seen));

  it("agrees with authorize(): a scope it hides is one authorize() answers 404 for", () => {
    for (const p of [admin, wsAdminA, wsViewerA, wsRegularA, selfProvA, projViewer, regular])
      for (const scope of [A, B, webA, dbA] as Scope[]) {
        const seen = visibleScope(p, scope);
        const visible = authorize(p, scope.project ? "project-settings.view" : "workspace-settings.view", scope).visible;
        expect(scope.project ? seen.project === scope.project : seen.workspace === scope.workspace).toBe(visible);
      }
  });
});

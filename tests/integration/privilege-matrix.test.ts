// Security issue #13, item 11 (b): the privilege-boundary matrix, generated from the permission catalogue.
// For every management permission P, a custom role holding P alone (with the views it depends on) is given
// to a fresh user, who then acts, through the real routes, on targets that hold more than P: a platform
// admin, a workspace or project admin, a role with more permissions, a binding granting admin, a cluster
// the actor has no rights on, quotas and defaults beyond what P may open. Each is refused and changes
// nothing. A management permission without a row, or a mutating route no row claims, fails the suite.
import { existsSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { templates, withDependencies, type Level } from "@/lib/rbac/catalogue";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { createRole } from "@/lib/tenancy/roles";
import { putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { resolveScope } from "@/lib/tenancy/scope";
import { createProvider } from "@/lib/identity/providers";
import { createBinding } from "@/lib/identity/group-bindings";
import { openSession } from "@/lib/identity/sessions";
import { fill } from "@/e2e/support/route-table";
import { callRoute, tokenFor } from "../support/call-route";
import { routeHandlers, type RouteHandler } from "../support/route-handlers";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { stateOf } from "../support/state";

/** The targets, made by platform and workspace admins before the actors arrive. */
interface Targets {
  cluster: string;
  /** A cluster the workspace is not placed on. */
  otherCluster: string;
  ws: string;
  project: string;
  /** A platform admin. */
  boss: User;
  bossSession: string;
  /** The workspace's admin (its creator), also admin of the project through the workspace. */
  wsAdmin: User;
  /** The project's admin, a regular member of the workspace. */
  pAdmin: User;
  /** A regular workspace member, in no project. */
  plain: User;
  /** Unused custom roles holding every permission of their level. */
  bigRole: Record<Level, string>;
  provider: string;
  /** A group binding that makes a provider group admin of the workspace. */
  adminBinding: string;
  /** Another workspace on the same cluster, where the actors are no members. */
  otherWs: string;
}

interface Req {
  params?: Record<string, string>;
  body?: unknown;
}
interface Case {
  /** "METHOD template", exactly as in the route table. */
  route: string;
  /** What the target holds that P does not. */
  beyond: string;
  req: (t: Targets) => Req;
  /** Refusals: 403/404 for rights, 409/422 where a rule (not visible to the schema) says no. */
  refused?: number[];
}
interface Row {
  cases: Case[];
  /** Mutating routes P acts with where no target can hold more than P, each with the reason. */
  within?: Record<string, string>;
  /** A request P alone must be allowed, proving the actor really holds P (so a refusal is no accident). */
  control?: Case;
}

const EXEC_KUBECONFIG = (marker: string) => `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: ["-c", "touch ${marker}"], interactiveMode: Never}}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
`;
const MARKER = `/tmp/tenantry-privilege-matrix-${process.pid}`;
const ws = (t: Targets) => ({ ws: t.ws });
const pj = (t: Targets) => ({ ws: t.ws, project: t.project });

/** P → what a holder of P alone tries on targets beyond it. */
const MATRIX: Record<string, Row> = {
  "clusters.manage": {
    cases: [
      { route: "POST /api/v1/clusters", beyond: "a kubeconfig that runs a command on the console host", req: () => ({ body: { name: uniqueName("evil"), kubeconfig: EXEC_KUBECONFIG(MARKER) } }), refused: [403, 422] },
      { route: "PATCH /api/v1/clusters/[cluster]", beyond: "a kubeconfig that runs a command on the console host", req: (t) => ({ params: { cluster: t.cluster }, body: { kubeconfig: EXEC_KUBECONFIG(MARKER) } }), refused: [403, 422] },
      { route: "DELETE /api/v1/clusters/[cluster]", beyond: "a cluster hosting a workspace's projects", req: (t) => ({ params: { cluster: t.cluster } }), refused: [403, 409] },
    ],
    within: { "POST /api/v1/clusters/[cluster]/audit-token": "issues the cluster's own audit webhook token; it grants nothing in the console" },
    control: { route: "PATCH /api/v1/clusters/[cluster]", beyond: "", req: (t) => ({ params: { cluster: t.otherCluster }, body: { displayName: "renamed" } }) },
  },
  "users.manage": {
    cases: [
      ...[{ status: "disabled" }, { password: "taken-over-by-matrix-1", mustChangePassword: false }, { platformRole: "platform-regular" }, { email: "x@evil.test" }].map(
        (body): Case => ({ route: "PATCH /api/v1/users/[username]", beyond: `a platform admin (${Object.keys(body)[0]})`, req: (t) => ({ params: { username: t.boss.username }, body }) }),
      ),
      { route: "PATCH /api/v1/users/[username]", beyond: "a platform admin (linked to a provider)", req: (t) => ({ params: { username: t.boss.username }, body: { identityProvider: t.provider } }) },
      { route: "PATCH /api/v1/users/[username]", beyond: "a workspace admin", req: (t) => ({ params: { username: t.wsAdmin.username }, body: { status: "disabled" } }) },
      { route: "PATCH /api/v1/users/[username]", beyond: "the platform-admin role, granted", req: (t) => ({ params: { username: t.plain.username }, body: { platformRole: "platform-admin" } }) },
      { route: "POST /api/v1/users", beyond: "a new platform admin", req: () => ({ body: { username: uniqueName("new"), password: "a-long-enough-passphrase", platformRole: "platform-admin" } }) },
      { route: "DELETE /api/v1/users/[username]", beyond: "a platform admin", req: (t) => ({ params: { username: t.boss.username } }) },
      { route: "POST /api/v1/users/[username]/unlock", beyond: "a platform admin", req: (t) => ({ params: { username: t.boss.username } }) },
      { route: "DELETE /api/v1/users/[username]/sessions", beyond: "a platform admin", req: (t) => ({ params: { username: t.boss.username } }) },
      { route: "DELETE /api/v1/users/[username]/sessions/[id]", beyond: "a platform admin", req: (t) => ({ params: { username: t.boss.username, id: t.bossSession } }) },
    ],
    control: { route: "PATCH /api/v1/users/[username]", beyond: "", req: () => ({ params: { username: "$regular" }, body: { displayName: "Managed" } }) },
  },
  "platform-roles.manage": {
    cases: [
      { route: "POST /api/v1/platform/roles", beyond: "a role with clusters.manage", req: () => ({ body: { name: uniqueName("r"), templates: ["clusters.manage"] } }) },
      { route: "PUT /api/v1/platform/roles/[role]", beyond: "a role holding every platform permission", req: (t) => ({ params: { role: t.bigRole.platform }, body: { templates: ["platform-roles.view"] } }) },
      { route: "DELETE /api/v1/platform/roles/[role]", beyond: "a role holding every platform permission", req: (t) => ({ params: { role: t.bigRole.platform } }) },
    ],
    control: { route: "POST /api/v1/platform/roles", beyond: "", req: () => ({ body: { name: uniqueName("r"), templates: ["platform-roles.view"] } }) },
  },
  "workspaces.manage": {
    // It covers every workspace and project, and is what placement, nodes and pod security ask for; no
    // workspace-level target holds more. Its platform neighbours (users, roles, clusters, settings) have their rows.
    cases: [],
    control: { route: "PATCH /api/v1/workspaces/[ws]", beyond: "", req: (t) => ({ params: ws(t), body: { clusters: [t.cluster] } }) },
  },
  "workspaces.create": {
    cases: [
      { route: "POST /api/v1/workspaces", beyond: "a cluster it holds no rights on", req: (t) => ({ body: { name: uniqueName("ws"), clusters: [t.cluster] } }), refused: [403, 404, 422] },
    ],
    control: { route: "POST /api/v1/workspaces", beyond: "", req: () => ({ body: { name: uniqueName("ws") } }) },
  },
  "settings.manage": {
    cases: [
      { route: "POST /api/v1/identity-providers", beyond: "a provider, which signs in anyone it names", req: () => ({ body: oidc(uniqueName("idp")) }) },
      { route: "PUT /api/v1/identity-providers/[name]", beyond: "a provider signing in a workspace's admins", req: (t) => ({ params: { name: t.provider }, body: oidc(t.provider, "https://evil.invalid") }) },
      { route: "DELETE /api/v1/identity-providers/[name]", beyond: "a provider whose binding grants workspace admin", req: (t) => ({ params: { name: t.provider } }) },
      { route: "POST /api/v1/identity-providers/[name]/bindings", beyond: "workspace admin, granted to a group", req: (t) => ({ params: { name: t.provider }, body: { group: "matrix", workspace: t.ws, role: "admin" } }) },
      { route: "DELETE /api/v1/identity-providers/[name]/bindings/[id]", beyond: "a binding granting workspace admin", req: (t) => ({ params: { name: t.provider, id: t.adminBinding } }) },
      { route: "PATCH /api/v1/identity-providers/[name]/bindings/[id]", beyond: "a binding granting workspace admin, its end changed", req: (t) => ({ params: { name: t.provider, id: t.adminBinding }, body: { expiresAt: null } }) },
    ],
    within: { "POST /api/v1/identity-providers/[name]/test": "changes nothing; the stored secret goes only to the stored destination" },
  },

  "workspace-settings.manage": {
    cases: [
      { route: "PATCH /api/v1/workspaces/[ws]", beyond: "a cluster placement (cluster capacity)", req: (t) => ({ params: ws(t), body: { clusters: [t.cluster, t.otherCluster] } }) },
      { route: "PUT /api/v1/workspaces/[ws]/node-selector", beyond: "nodes (hardware) for the tenant", req: (t) => ({ params: ws(t), body: { nodeSelector: { "kubernetes.io/hostname": "node-1" } } }) },
    ],
    within: { "DELETE /api/v1/workspaces/[ws]": "deleting the workspace is what the permission says" },
    control: { route: "PATCH /api/v1/workspaces/[ws]", beyond: "", req: (t) => ({ params: ws(t), body: { description: "edited" } }) },
  },
  "workspace-members.manage": {
    cases: [
      { route: "PATCH /api/v1/workspaces/[ws]/members/[username]", beyond: "the workspace admin, demoted", req: (t) => ({ params: { ...ws(t), username: t.wsAdmin.username }, body: { role: "regular" } }) },
      { route: "PATCH /api/v1/workspaces/[ws]/members/[username]", beyond: "the workspace admin, time-bound", req: (t) => ({ params: { ...ws(t), username: t.wsAdmin.username }, body: { expiresAt: new Date(Date.now() + 3_600_000).toISOString() } }) },
      { route: "DELETE /api/v1/workspaces/[ws]/members/[username]", beyond: "the workspace admin", req: (t) => ({ params: { ...ws(t), username: t.wsAdmin.username } }) },
      { route: "DELETE /api/v1/workspaces/[ws]/members/[username]", beyond: "a project admin", req: (t) => ({ params: { ...ws(t), username: t.pAdmin.username } }) },
      { route: "PATCH /api/v1/workspaces/[ws]/members/[username]", beyond: "workspace admin, granted", req: (t) => ({ params: { ...ws(t), username: t.plain.username }, body: { role: "admin" } }) },
      { route: "POST /api/v1/workspaces/[ws]/members", beyond: "workspace admin, granted", req: () => ({ params: {}, body: { username: "$newcomer", role: "admin" } }) },
    ],
    control: { route: "POST /api/v1/workspaces/[ws]/members", beyond: "", req: () => ({ body: { username: "$newcomer", role: "$own" } }) },
  },
  "workspace-roles.manage": {
    cases: [
      { route: "POST /api/v1/workspaces/[ws]/roles", beyond: "a role with workspace-members.manage", req: (t) => ({ params: ws(t), body: { name: uniqueName("r"), templates: ["workspace-members.manage"] } }) },
      { route: "PUT /api/v1/workspaces/[ws]/roles/[role]", beyond: "a role holding every workspace permission", req: (t) => ({ params: { ...ws(t), role: t.bigRole.workspace }, body: { templates: ["workspace-roles.view"] } }) },
      { route: "DELETE /api/v1/workspaces/[ws]/roles/[role]", beyond: "a role holding every workspace permission", req: (t) => ({ params: { ...ws(t), role: t.bigRole.workspace } }) },
    ],
    control: { route: "POST /api/v1/workspaces/[ws]/roles", beyond: "", req: (t) => ({ params: ws(t), body: { name: uniqueName("r"), templates: ["workspace-roles.view"] } }) },
  },
  "workspace-quotas.manage": {
    cases: [
      { route: "PUT /api/v1/workspaces/[ws]/quotas/[cluster]", beyond: "load balancers opened for every new project (a default)", req: (t) => ({ params: { ...ws(t), cluster: t.cluster }, body: { hard: { "limits.cpu": "4" }, defaultProject: { hard: { "limits.cpu": "1", "services.loadbalancers": "3" } } } }), refused: [403, 422] },
      { route: "PUT /api/v1/workspaces/[ws]/quotas/[cluster]", beyond: "a default larger than the pool", req: (t) => ({ params: { ...ws(t), cluster: t.cluster }, body: { hard: { "limits.cpu": "4" }, defaultProject: { hard: { "limits.cpu": "64" } } } }), refused: [403, 422] },
      { route: "PUT /api/v1/workspaces/[ws]/quotas/[cluster]", beyond: "a cluster the workspace is not placed on", req: (t) => ({ params: { ...ws(t), cluster: t.otherCluster }, body: { hard: { "limits.cpu": "4" } } }), refused: [403, 404, 422] },
    ],
    within: { "DELETE /api/v1/workspaces/[ws]/quotas/[cluster]": "removing the workspace's own pool is what the permission says" },
    control: { route: "PUT /api/v1/workspaces/[ws]/quotas/[cluster]", beyond: "", req: (t) => ({ params: { ...ws(t), cluster: t.cluster }, body: { hard: { "limits.cpu": "6" } } }) },
  },
  "workspace-network.manage": {
    cases: [],
    within: { "PUT /api/v1/workspaces/[ws]/network": "isolation of the workspace's own projects; it opens nothing outside them" },
  },
  "projects.create": {
    cases: [
      { route: "POST /api/v1/workspaces/[ws]/projects", beyond: "a cluster the workspace is not placed on", req: (t) => ({ params: ws(t), body: { name: uniqueName("p"), cluster: t.otherCluster } }), refused: [403, 404, 422] },
    ],
    control: { route: "POST /api/v1/workspaces/[ws]/projects", beyond: "", req: (t) => ({ params: ws(t), body: { name: uniqueName("p"), cluster: t.cluster } }) },
  },
  "projects.manage": {
    cases: [
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/quota", beyond: "load balancers (a platform decision)", req: (t) => ({ params: pj(t), body: { hard: { "services.loadbalancers": "2" } } }) },
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/quota", beyond: "more than the workspace's pool", req: (t) => ({ params: pj(t), body: { hard: { "limits.cpu": "64" } } }), refused: [403, 409, 422] },
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/pod-security", beyond: "pods that reach the node (privileged)", req: (t) => ({ params: pj(t), body: { level: "privileged" } }) },
      { route: "POST /api/v1/workspaces/[ws]/projects/[project]/move", beyond: "a workspace it may not create projects in", req: (t) => ({ params: pj(t), body: { workspace: t.otherWs } }), refused: [403, 404] },
    ],
  },

  "project-settings.manage": {
    cases: [{ route: "PUT /api/v1/workspaces/[ws]/projects/[project]/pod-security", beyond: "pods that reach the node (privileged)", req: (t) => ({ params: pj(t), body: { level: "privileged" } }) }],
    within: { "DELETE /api/v1/workspaces/[ws]/projects/[project]": "deleting the project is what the permission says" },
    control: { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/pod-security", beyond: "", req: (t) => ({ params: pj(t), body: { level: "restricted" } }) },
  },
  "project-members.manage": {
    cases: [
      { route: "PATCH /api/v1/workspaces/[ws]/projects/[project]/members/[username]", beyond: "the project admin, demoted", req: (t) => ({ params: { ...pj(t), username: t.pAdmin.username }, body: { role: "viewer" } }) },
      { route: "PATCH /api/v1/workspaces/[ws]/projects/[project]/members/[username]", beyond: "the project admin, time-bound", req: (t) => ({ params: { ...pj(t), username: t.pAdmin.username }, body: { expiresAt: new Date(Date.now() + 3_600_000).toISOString() } }) },
      { route: "DELETE /api/v1/workspaces/[ws]/projects/[project]/members/[username]", beyond: "the project admin", req: (t) => ({ params: { ...pj(t), username: t.pAdmin.username } }) },
      { route: "POST /api/v1/workspaces/[ws]/projects/[project]/members", beyond: "project admin, granted", req: (t) => ({ params: pj(t), body: { username: t.plain.username, role: "admin" } }) },
    ],
    control: { route: "POST /api/v1/workspaces/[ws]/projects/[project]/members", beyond: "", req: (t) => ({ params: pj(t), body: { username: t.plain.username, role: "$own" } }) },
  },
  "project-roles.manage": {
    cases: [
      { route: "POST /api/v1/workspaces/[ws]/projects/[project]/roles", beyond: "a role with project-members.manage", req: (t) => ({ params: pj(t), body: { name: uniqueName("r"), templates: ["project-members.manage"] } }) },
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/roles/[role]", beyond: "a role holding every project permission", req: (t) => ({ params: { ...pj(t), role: t.bigRole.project }, body: { templates: ["project-roles.view"] } }) },
      { route: "DELETE /api/v1/workspaces/[ws]/projects/[project]/roles/[role]", beyond: "a role holding every project permission", req: (t) => ({ params: { ...pj(t), role: t.bigRole.project } }) },
    ],
    control: { route: "POST /api/v1/workspaces/[ws]/projects/[project]/roles", beyond: "", req: (t) => ({ params: pj(t), body: { name: uniqueName("r"), templates: ["project-roles.view"] } }) },
  },
  "project-quota.manage": {
    cases: [
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/quota", beyond: "node ports (a platform decision)", req: (t) => ({ params: pj(t), body: { hard: { "services.nodeports": "1" } } }) },
      { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/quota", beyond: "more than the workspace's pool", req: (t) => ({ params: pj(t), body: { hard: { "limits.cpu": "64" } } }), refused: [403, 409, 422] },
    ],
    within: { "PUT /api/v1/workspaces/[ws]/projects/[project]/limits": "default container limits inside the project's own quota" },
    control: { route: "PUT /api/v1/workspaces/[ws]/projects/[project]/quota", beyond: "", req: (t) => ({ params: pj(t), body: { hard: { "limits.cpu": "1" } } }) },
  },
  "project-network.manage": {
    cases: [],
    within: { "PUT /api/v1/workspaces/[ws]/projects/[project]/network": "who may reach the project's own pods; it opens nothing elsewhere" },
  },
  // No console route manages workloads: members reach them with kubectl through the RoleBindings Tenantry keeps.
  "workloads.manage": { cases: [] },
};

/** Mutating routes no permission row speaks for: they act on the caller only, authenticate otherwise, or make changes of other routes. */
const SELF_SERVICE: Record<string, string> = {
  "PUT /api/v1/workspaces/[ws]/spec": "each change it makes is authorized as the route making it (the rows above; tests/integration/workspace-spec.test.ts)",
  "POST /api/v1/me/password": "the caller's own password",
  "POST /api/v1/me/tokens": "the caller's own token (never more than its owner)",
  "DELETE /api/v1/me/tokens/[id]": "the caller's own token",
  "DELETE /api/v1/me/sessions/[id]": "the caller's own session",
  "DELETE /api/v1/me/sessions": "the caller's own other sessions",
  "POST /api/v1/audit/webhook/[cluster]": "a cluster's audit token, not a user",
};

function oidc(name: string, issuer = "https://idp.invalid") {
  return { name, type: "oidc", enabled: true, mappingMethod: "lookup", secret: "matrix-secret", config: { issuer, clientId: "tenantry" } };
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const RANK: Record<Level, number> = { platform: 0, workspace: 1, project: 2 };
const levelOf = (p: string) => templates.find((x) => x.name === p)!.level;
const managementPermissions = templates.filter((t) => !t.name.endsWith(".view")).map((t) => t.name);
const routes = await routeHandlers();
const byKey = new Map(routes.map((r) => [`${r.method} ${r.template}`, r]));
const claims = (row: Row) => [...row.cases.map((c) => c.route), ...Object.keys(row.within ?? {}), ...(row.control ? [row.control.route] : [])];

describe("the matrix covers the catalogue and the route table", () => {
  it("every management permission has a row, and every row is a permission", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...managementPermissions].sort());
  });

  it("every mutating route is claimed by a row (or acts only on the caller), and every claim is a real route", () => {
    const claimed = new Set([...Object.values(MATRIX).flatMap(claims), ...Object.keys(SELF_SERVICE)]);
    const mutating = routes.filter((r) => MUTATING.has(r.method)).map((r) => `${r.method} ${r.template}`);
    expect(mutating.filter((k) => !claimed.has(k)), "mutating routes without a row").toEqual([]);
    expect([...claimed].filter((k) => !byKey.has(k)), "claims of routes that do not exist").toEqual([]);
  });

  it("a row's cases go through routes guarded by its permission or one it covers", () => {
    for (const [p, row] of Object.entries(MATRIX)) {
      for (const c of [...row.cases, ...(row.control ? [row.control] : [])]) {
        const spec = byKey.get(c.route)?.spec;
        expect(spec, c.route).toBeDefined();
        // P itself, or a lower level's permission that P covers by inheritance.
        const covered = spec!.permission === p || RANK[levelOf(p)] < RANK[levelOf(spec!.permission as string)];
        expect(covered, `${p} → ${c.route} (${spec!.permission})`).toBe(true);
      }
    }
  });
});

let sim: Simulator;
let t: Targets;
let root: User;

beforeAll(async () => {
  sim = await startSimulator({ name: "matrix-sim" });
  root = await makeUser("platform-admin");
  const [cluster, otherCluster] = [uniqueName("mc"), uniqueName("mo")];
  for (const name of [cluster, otherCluster]) await registerCluster({ name, kubeconfig: sim.kubeconfig() });
  const [boss, wsAdmin, pAdmin, plain] = [await makeUser("platform-admin"), await makeUser(), await makeUser(), await makeUser()];
  const w = (await createWorkspace({ name: uniqueName("mw"), clusters: [cluster] }, wsAdmin)).name;
  const owner = await principalOf(wsAdmin.username, { workspace: w });
  const project = (await createProject(w, { name: uniqueName("mp"), cluster }, wsAdmin, owner)).name;
  const wsRef = await resolveScope({ workspace: w });
  const pRef = await resolveScope({ workspace: w, project });
  for (const u of [pAdmin, plain]) await addMember(wsRef, owner, { username: u.username, role: "regular" });
  await addMember(wsRef, await principalOf(root.username, { workspace: w }), { username: boss.username, role: "regular" });
  await addMember(pRef, await principalOf(wsAdmin.username, { workspace: w, project }), { username: pAdmin.username, role: "admin" });
  await putWorkspaceQuota(w, cluster, { hard: { "limits.cpu": "4", "limits.memory": "8Gi" } });
  const rootP = await principalOf(root.username);
  const every = (level: Level) => templates.filter((x) => x.level === level).map((x) => x.name);
  const bigRole = {
    platform: (await createRole(await resolveScope({}), rootP, { name: uniqueName("big"), templates: every("platform") })).name,
    workspace: (await createRole(wsRef, owner, { name: uniqueName("big"), templates: every("workspace") })).name,
    project: (await createRole(pRef, await principalOf(wsAdmin.username, { workspace: w, project }), { name: uniqueName("big"), templates: every("project") })).name,
  };
  const provider = (await createProvider(oidc(uniqueName("midp")) as never)).name;
  const adminBinding = (await createBinding(rootP, provider, { group: "admins", workspace: w, role: "admin" })).id;
  const bossSession = (await openSession(boss.id, "local", { sourceIp: "10.0.0.9", userAgent: "matrix" })).id;
  const otherWs = (await createWorkspace({ name: uniqueName("mx"), clusters: [cluster] }, root)).name;
  t = { cluster, otherCluster, ws: w, project, boss, bossSession, wsAdmin, pAdmin, plain, bigRole, provider, adminBinding, otherWs };
});
afterAll(async () => {
  await sim?.stop();
});

/** A fresh user holding P alone (and the views it depends on), at P's level. */
async function holderOf(p: string): Promise<{ token: string; role: string }> {
  const level = levelOf(p);
  const held = [...withDependencies([p])];
  const user = await makeUser();
  const role = uniqueName("only");
  if (level === "platform") {
    await createRole(await resolveScope({}), await principalOf(root.username), { name: role, templates: held });
    await db().user.update({ where: { id: user.id }, data: { platformRole: role } });
  } else {
    const wsRef = await resolveScope({ workspace: t.ws });
    const owner = await principalOf(t.wsAdmin.username, { workspace: t.ws });
    if (level === "workspace") {
      await createRole(wsRef, owner, { name: role, templates: held });
      await addMember(wsRef, owner, { username: user.username, role });
    } else {
      const pRef = await resolveScope({ workspace: t.ws, project: t.project });
      const pOwner = await principalOf(t.wsAdmin.username, { workspace: t.ws, project: t.project });
      await createRole(pRef, pOwner, { name: role, templates: held });
      await addMember(wsRef, owner, { username: user.username, role: "regular" });
      await addMember(pRef, pOwner, { username: user.username, role });
    }
  }
  return { token: await tokenFor(user), role };
}

/** `$regular` and `$newcomer` stand for a fresh user (a regular one; one not yet a member), `$own` for the actor's role. */
async function resolveReq(c: Case, p: string, own: string): Promise<{ r: RouteHandler; path: string; params: Record<string, string>; body: unknown }> {
  const { params = {}, body } = c.req(t);
  const fresh = async (v: unknown) => (v === "$regular" || v === "$newcomer" ? (await makeUser()).username : v === "$own" ? own : v);
  const level = levelOf(p);
  const all: Record<string, string> = { ...(level === "platform" ? {} : { ws: t.ws }), ...(level === "project" ? { project: t.project } : {}), ...params };
  for (const k of Object.keys(all)) all[k] = (await fresh(all[k])) as string;
  const b = body && typeof body === "object" ? Object.fromEntries(await Promise.all(Object.entries(body).map(async ([k, v]) => [k, await fresh(v)]))) : body;
  const r = byKey.get(c.route)!;
  return { r, path: fill(r.template, all), params: all, body: b };
}

describe.each(Object.entries(MATRIX).filter(([, row]) => row.cases.length || row.control))("a holder of %s alone", (p, row) => {
  if (row.cases.length) it.each(row.cases.map((c) => [`${c.route}: ${c.beyond}`, c] as const))("is refused %s", async (_, c) => {
    const { token, role } = await holderOf(p);
    const { r, path, params, body } = await resolveReq(c, p, role);
    rmSync(MARKER, { force: true });
    const before = await stateOf(sim);
    const res = await callRoute(r.handler, { method: r.method, path, params, token, body });
    const label = `${r.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`;
    expect(c.refused ?? [403, 404], label).toContain(res.status);
    expect(res.contentType, label).toMatch(/^application\/problem\+json/);
    expect(await stateOf(sim), `${label}\nthe refusal changed something`).toEqual(before);
    expect(existsSync(MARKER), "a kubeconfig ran a command on the console host").toBe(false);
  });

  if (row.control)
    it(`is allowed what P itself covers (${row.control.route})`, async () => {
      const { token, role } = await holderOf(p);
      const { r, path, params, body } = await resolveReq(row.control!, p, role);
      const res = await callRoute(r.handler, { method: r.method, path, params, token, body });
      expect(res.status, `${r.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(300);
    });
});

// Every console mutation leaves exactly one audit event with the right fields. The scenario below must
// cover every mutating route of the route table, so a new route fails this test until it is added here.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, dataDir, signedInApi, unique } from "./support/api";
import { apiRoutes } from "./support/route-table";

/** Mutations that are not a signed-in person's console action, with the reason. */
const notConsoleActions = new Map([["POST /api/v1/audit/webhook/[cluster]", "the Kubernetes API server's own audit stream, authenticated by a cluster token"]]);

interface Step {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** Concrete path (a function when it needs an id made by an earlier step), and the route template it exercises. */
  path: string | (() => string);
  template: string;
  /** A function when the body can only be made once the demo runs. */
  body?: unknown;
  status: number | number[];
  action: string;
  /** Fields the event must carry to say what was changed and where. */
  about: Record<string, string>;
  /** Keeps what a later step needs from the response. */
  save?: (body: Record<string, string>) => void;
}

const made: Record<string, string> = {};

const c = unique("cov-c");
const w = unique("cov-w");
const w2 = unique("cov-w2");
const p = unique("cov-p");
const u = unique("cov-u");
const pr = unique("cov-pr");
const wr = unique("cov-wr");
const jr = unique("cov-jr");
const idp = unique("cov-idp");
const ldap = { type: "ldap", config: { url: "ldap://127.0.0.1:1", userBase: "ou=people,dc=example,dc=org" } };
const ACTOR_PASSWORD = "coverage-password-1";
const T = "/api/v1";
const W = `${T}/workspaces/${w}`;
const P = `${W}/projects/${p}`;
const TW = `${T}/workspaces/[ws]`;
const TP = `${TW}/projects/[project]`;

const steps: Step[] = [
  { method: "POST", path: `${T}/clusters`, template: `${T}/clusters`, body: () => ({ name: c, kubeconfig: readFileSync(`${dataDir}/clusters/host.kubeconfig`, "utf8") }), status: 201, action: "cluster.create", about: { name: c } },
  { method: "PATCH", path: `${T}/clusters/${c}`, template: `${T}/clusters/[cluster]`, body: { displayName: "Coverage" }, status: 200, action: "cluster.update", about: { name: c } },
  { method: "POST", path: `${T}/clusters/${c}/audit-token`, template: `${T}/clusters/[cluster]/audit-token`, status: 201, action: "cluster.audit-token.issue", about: { name: c } },
  { method: "POST", path: `${T}/platform/roles`, template: `${T}/platform/roles`, body: { name: pr, templates: ["clusters.view"] }, status: 201, action: "platform-role.create", about: { name: pr } },
  { method: "PUT", path: `${T}/platform/roles/${pr}`, template: `${T}/platform/roles/[role]`, body: { templates: ["clusters.view", "users.view"] }, status: 200, action: "platform-role.update", about: { name: pr } },
  { method: "POST", path: `${T}/users`, template: `${T}/users`, body: { username: u, password: "coverage-password-1", mustChangePassword: false }, status: 201, action: "user.create", about: { name: u } },
  { method: "PATCH", path: `${T}/users/${u}`, template: `${T}/users/[username]`, body: { displayName: "Coverage user" }, status: 200, action: "user.update", about: { name: u } },
  { method: "POST", path: `${T}/workspaces`, template: `${T}/workspaces`, body: { name: w, clusters: [c] }, status: 201, action: "workspace.create", about: { name: w } },
  { method: "PATCH", path: W, template: TW, body: { description: "covered" }, status: 200, action: "workspace.update", about: { name: w } },
  { method: "POST", path: `${W}/members`, template: `${TW}/members`, body: { username: u, role: "regular" }, status: 201, action: "workspace-member.create", about: { name: u } },
  { method: "PATCH", path: `${W}/members/${u}`, template: `${TW}/members/[username]`, body: { role: "viewer" }, status: 200, action: "workspace-member.update", about: { name: u } },
  { method: "POST", path: `${W}/roles`, template: `${TW}/roles`, body: { name: wr, templates: ["workspace-audit.view"] }, status: 201, action: "workspace-role.create", about: { name: wr } },
  { method: "PUT", path: `${W}/roles/${wr}`, template: `${TW}/roles/[role]`, body: { templates: ["workspace-audit.view", "workspace-quotas.view"] }, status: 200, action: "workspace-role.update", about: { name: wr } },
  { method: "PUT", path: `${W}/quotas/${c}`, template: `${TW}/quotas/[cluster]`, body: { hard: { "requests.cpu": "4", "requests.memory": "8Gi" } }, status: 200, action: "workspace.quota.update", about: { workspace: w } },
  { method: "PUT", path: `${W}/network`, template: `${TW}/network`, body: { isolated: true }, status: 200, action: "workspace.network.update", about: { workspace: w } },
  { method: "PUT", path: `${W}/node-selector`, template: `${TW}/node-selector`, body: { nodeSelector: { "node-pool": "coverage" } }, status: 200, action: "workspace.node-selector.update", about: { workspace: w } },
  // A spec that changes nothing: the apply's own event only (each change of one has its own, tests/integration/workspace-spec.test.ts).
  { method: "PUT", path: `${W}/spec`, template: `${TW}/spec`, body: { apiVersion: "tenantry.io/v1alpha1", kind: "Workspace", metadata: { name: w }, spec: {} }, status: 200, action: "workspace.spec.apply", about: { workspace: w, name: w } },
  { method: "POST", path: `${T}/identity-providers`, template: `${T}/identity-providers`, body: { name: idp, ...ldap }, status: 201, action: "identity-provider.create", about: { name: idp } },
  { method: "PUT", path: `${T}/identity-providers/${idp}`, template: `${T}/identity-providers/[name]`, body: { name: idp, displayName: "Coverage LDAP", ...ldap }, status: 200, action: "identity-provider.update", about: { name: idp } },
  { method: "POST", path: `${T}/identity-providers/${idp}/test`, template: `${T}/identity-providers/[name]/test`, status: 200, action: "identity-provider.test", about: { name: idp } },
  { method: "POST", path: `${T}/identity-providers/${idp}/bindings`, template: `${T}/identity-providers/[name]/bindings`, body: { group: "cov-group", workspace: w, role: "viewer" }, status: 201, action: "group-binding.create", about: { name: "cov-group", workspace: w }, save: (b) => (made.binding = b.id!) },
  { method: "PATCH", path: () => `${T}/identity-providers/${idp}/bindings/${made.binding}`, template: `${T}/identity-providers/[name]/bindings/[id]`, body: () => ({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() }), status: 200, action: "group-binding.update", about: {} },
  { method: "DELETE", path: () => `${T}/identity-providers/${idp}/bindings/${made.binding}`, template: `${T}/identity-providers/[name]/bindings/[id]`, status: 204, action: "group-binding.delete", about: {} },
  { method: "DELETE", path: `${T}/identity-providers/${idp}`, template: `${T}/identity-providers/[name]`, status: 204, action: "identity-provider.delete", about: { name: idp } },
  { method: "POST", path: `${T}/users/${u}/unlock`, template: `${T}/users/[username]/unlock`, status: 200, action: "user.unlock", about: { name: u } },
  { method: "DELETE", path: `${T}/users/${u}/sessions`, template: `${T}/users/[username]/sessions`, status: 200, action: "user.sessions.revoke", about: { name: u } },
  { method: "DELETE", path: () => `${T}/users/${actorName}/sessions/${made.adminEndedSession}`, template: `${T}/users/[username]/sessions/[id]`, status: 204, action: "user.session.revoke", about: {} },
  { method: "POST", path: `${T}/me/tokens`, template: `${T}/me/tokens`, body: { name: "coverage" }, status: 201, action: "token.create", about: { name: "coverage" }, save: (b) => (made.token = b.id!) },
  { method: "DELETE", path: () => `${T}/me/tokens/${made.token}`, template: `${T}/me/tokens/[id]`, status: 204, action: "token.revoke", about: {} },
  { method: "DELETE", path: () => `${T}/me/sessions/${made.otherSession}`, template: `${T}/me/sessions/[id]`, status: 204, action: "session.revoke", about: {} },
  { method: "DELETE", path: `${T}/me/sessions?others=true`, template: `${T}/me/sessions`, status: 200, action: "me.sessions.revoke-others", about: {} },
  { method: "POST", path: `${T}/me/password`, template: `${T}/me/password`, body: { currentPassword: ACTOR_PASSWORD, newPassword: "coverage-password-2" }, status: 204, action: "user.password.change", about: {} },
  { method: "POST", path: `${W}/projects`, template: `${TW}/projects`, body: { name: p, cluster: c }, status: 201, action: "project.create", about: { name: p } },
  // Moved to another workspace and back: one event each, recorded where the project was.
  { method: "POST", path: `${T}/workspaces`, template: `${T}/workspaces`, body: { name: w2, clusters: [c] }, status: 201, action: "workspace.create", about: { name: w2 } },
  { method: "POST", path: `${P}/move`, template: `${TP}/move`, body: { workspace: w2 }, status: 200, action: "project.move", about: { workspace: w, project: p } },
  { method: "POST", path: `${T}/workspaces/${w2}/projects/${p}/move`, template: `${TP}/move`, body: { workspace: w }, status: 200, action: "project.move", about: { workspace: w2, project: p } },
  { method: "DELETE", path: `${T}/workspaces/${w2}`, template: TW, status: 204, action: "workspace.delete", about: { name: w2 } },
  { method: "PUT", path: `${P}/quota`, template: `${TP}/quota`, body: { hard: { "requests.cpu": "1", "requests.memory": "1Gi" } }, status: 200, action: "project.quota.update", about: { workspace: w, project: p } },
  { method: "PUT", path: `${P}/limits`, template: `${TP}/limits`, body: { default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }, status: 200, action: "project.limits.update", about: { workspace: w, project: p } },
  { method: "PUT", path: `${P}/network`, template: `${TP}/network`, body: { isolated: true, allow: [] }, status: 200, action: "project.network.update", about: { workspace: w, project: p } },
  { method: "PUT", path: `${P}/pod-security`, template: `${TP}/pod-security`, body: { level: "baseline" }, status: 200, action: "project.pod-security.update", about: { workspace: w, project: p } },
  { method: "POST", path: `${P}/members`, template: `${TP}/members`, body: { username: u, role: "viewer" }, status: 201, action: "project-member.create", about: { name: u } },
  { method: "PATCH", path: `${P}/members/${u}`, template: `${TP}/members/[username]`, body: { role: "operator" }, status: 200, action: "project-member.update", about: { name: u } },
  { method: "POST", path: `${P}/roles`, template: `${TP}/roles`, body: { name: jr, templates: ["workloads.view"] }, status: 201, action: "project-role.create", about: { name: jr } },
  { method: "PUT", path: `${P}/roles/${jr}`, template: `${TP}/roles/[role]`, body: { templates: ["workloads.view", "project-quota.view"] }, status: 200, action: "project-role.update", about: { name: jr } },
  { method: "DELETE", path: `${P}/roles/${jr}`, template: `${TP}/roles/[role]`, status: 204, action: "project-role.delete", about: { name: jr } },
  { method: "DELETE", path: `${P}/members/${u}`, template: `${TP}/members/[username]`, status: 204, action: "project-member.delete", about: { name: u } },
  { method: "DELETE", path: P, template: TP, status: [202, 204], action: "project.delete", about: { name: p } },
  { method: "DELETE", path: `${W}/roles/${wr}`, template: `${TW}/roles/[role]`, status: 204, action: "workspace-role.delete", about: { name: wr } },
  { method: "DELETE", path: `${W}/members/${u}`, template: `${TW}/members/[username]`, status: 204, action: "workspace-member.delete", about: { name: u } },
  { method: "DELETE", path: `${W}/quotas/${c}`, template: `${TW}/quotas/[cluster]`, status: 204, action: "workspace.quota.delete", about: { workspace: w } },
  { method: "DELETE", path: W, template: TW, status: 204, action: "workspace.delete", about: { name: w } },
  { method: "DELETE", path: `${T}/platform/roles/${pr}`, template: `${T}/platform/roles/[role]`, status: 204, action: "platform-role.delete", about: { name: pr } },
  { method: "DELETE", path: `${T}/users/${u}`, template: `${T}/users/[username]`, status: 204, action: "user.delete", about: { name: u } },
  { method: "DELETE", path: `${T}/clusters/${c}`, template: `${T}/clusters/[cluster]`, status: 204, action: "cluster.delete", about: { name: c } },
];

let auditor: APIRequestContext;
let actor: APIRequestContext;
let actorName: string;

test.beforeAll(async ({ baseURL }) => {
  auditor = await signedInApi(baseURL!, "admin", adminPassword);
  // A platform admin of its own, so every event by this name comes from this test.
  actorName = unique("cov-admin");
  const created = await auditor.post("/api/v1/users", { data: { username: actorName, password: ACTOR_PASSWORD, platformRole: "platform-admin", mustChangePassword: false } });
  expect(created.status()).toBe(201);
  actor = await signedInApi(baseURL!, actorName, ACTOR_PASSWORD);
  // Two more sessions of the actor's: one it ends itself, one ended the way an admin ends a user's.
  const others = [await signedInApi(baseURL!, actorName, ACTOR_PASSWORD), await signedInApi(baseURL!, actorName, ACTOR_PASSWORD)];
  const sessions = (await (await actor.get("/api/v1/me/sessions")).json()).items as { id: string; current: boolean }[];
  [made.otherSession, made.adminEndedSession] = sessions.filter((x) => !x.current).map((x) => x.id);
  await Promise.all(others.map((o) => o.dispose()));
});

test.afterAll(async () => {
  await Promise.all([auditor?.dispose(), actor?.dispose()]);
});

test("the scenario covers every mutating route", () => {
  const covered = new Set(steps.map((s) => `${s.method} ${s.template}`));
  const missing = apiRoutes().flatMap((r) =>
    r.methods.filter((m) => m !== "GET").map((m) => `${m} ${r.template}`).filter((key) => !covered.has(key) && !notConsoleActions.has(key)),
  );
  expect(missing).toEqual([]);
});

test("every mutation leaves exactly one event with who, what, where and the outcome", async () => {
  test.setTimeout(120_000);
  const events = async () => (await (await auditor.get(`/api/v1/audit/events?user=${actorName}&limit=500`)).json()).items as Array<Record<string, unknown>>;
  let before = (await events()).length;
  for (const step of steps) {
    const path = typeof step.path === "function" ? step.path() : step.path;
    if (step.method === "DELETE" && path === W) {
      // The project's namespace must be gone before its workspace can go.
      await expect.poll(async () => (await actor.get(P)).status(), { timeout: 30_000 }).toBe(404);
      before = (await events()).length;
    }
    const res = await actor.fetch(path, { method: step.method, data: typeof step.body === "function" ? step.body() : step.body });
    expect([step.status].flat(), `${step.method} ${path}: ${await res.text()}`).toContain(res.status());
    if (step.save) step.save(await res.json());
    const after = await events();
    expect(after.length, `${step.action} should add exactly one event`).toBe(before + 1);
    expect(after[0], step.action).toMatchObject({ action: step.action, username: actorName, outcome: "success", statusCode: res.status(), source: "console", ...step.about });
    expect(after[0]!.sourceIp, step.action).toBeTruthy();
    before = after.length;
  }
});

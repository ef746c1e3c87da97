// Roles, members and their invariants, and the same boundary enforced by the cluster for kubectl users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeConfig } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { createRole, deleteRole, listRoles, updateRole } from "@/lib/tenancy/roles";
import { addMember, changeMember, listMembers, removeMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { accessReview } from "@/lib/rbac/access-review";
import { createUser, updateUser } from "@/lib/tenancy/users";
import { raw } from "../contract/target";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { registerTestCluster, type TestCluster } from "../support/cluster";
import { withController } from "../support/controller";

let target: TestCluster;
let kc: KubeConfig;
let cluster: string;
let admin: User;
const controller = withController();
/** Waits until the reconciler has applied every membership change so far to this file's cluster. */
const settled = () => controller.settled({ cluster: { name: cluster } });

beforeAll(async () => {
  target = await registerTestCluster("rbac-sim");
  kc = target.kc;
  cluster = target.name;
  admin = await makeUser("platform-admin");
});
afterAll(async () => {
  await target.stop();
});

/** A workspace with an owner (workspace admin) and one project, created by the owner. */
async function tenant() {
  const owner = await makeUser();
  const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
  const project = await createProject(ws.name, { name: uniqueName("p"), cluster }, owner, await principalOf(owner.username, { workspace: ws.name }));
  return { owner, ws: ws.name, project: project.name };
}

/** What the cluster says `tenantry:<username>` may do, asked through impersonation. */
async function can(username: string, verb: string, resource: string, namespace?: string): Promise<boolean> {
  const dot = resource.indexOf(".");
  const [name, group] = dot < 0 ? [resource, ""] : [resource.slice(0, dot), resource.slice(dot + 1)];
  const res = await raw(kc, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
    headers: { "Impersonate-User": `tenantry:${username}` },
    body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource: name, group, namespace } } },
  });
  expect(res.status).toBe(201);
  return res.body.status.allowed === true;
}

describe("custom roles", () => {
  it("are composed of templates of their level, completed with dependencies", async () => {
    const t = await tenant();
    const ref = await resolveScope({ workspace: t.ws });
    const role = await createRole(ref, await principalOf(t.owner.username, { workspace: t.ws }), { name: "member-manager", templates: ["workspace-members.manage"] });
    expect(role).toMatchObject({ builtIn: false, memberCount: 0 });
    expect(role.templates).toEqual(["workspace-members.manage", "workspace-members.view", "workspace-roles.view"]);
    await expect(createRole(ref, await principalOf(t.owner.username, { workspace: t.ws }), { name: "bad", templates: ["clusters.manage"] })).rejects.toMatchObject({
      status: 422,
      issues: [{ path: "templates.0" }],
    });
    expect((await listRoles(ref)).map((r) => r.name)).toEqual(["admin", "self-provisioner", "regular", "viewer", "member-manager"]);
  });

  it("cannot hold more than their author holds (403 listing what is missing)", async () => {
    const t = await tenant();
    const ref = await resolveScope({ workspace: t.ws, project: t.project });
    const operator = await makeUser();
    await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: operator.username, role: "regular" });
    await addMember(ref, await principalOf(t.owner.username, { workspace: t.ws, project: t.project }), { username: operator.username, role: "operator" });
    const actor = await principalOf(operator.username, { workspace: t.ws, project: t.project });
    const err = await createRole(ref, actor, { name: "grabber", templates: ["project-members.manage"] }).catch((e) => e);
    expect(err).toMatchObject({ status: 403, code: "escalation", extra: { missing: ["project-members.manage"] } });
    await expect(createRole(ref, actor, { name: "deployer", templates: ["workloads.manage"] })).resolves.toMatchObject({ name: "deployer" });
  });

  it("built-in roles are fixed; a role in use cannot be deleted", async () => {
    const t = await tenant();
    const ref = await resolveScope({ workspace: t.ws });
    const owner = await principalOf(t.owner.username, { workspace: t.ws });
    await expect(updateRole(ref, owner, "admin", { templates: [] })).rejects.toMatchObject({ status: 409, code: "builtin_role" });
    await expect(deleteRole(ref, owner, "viewer")).rejects.toMatchObject({ status: 409 });
    await createRole(ref, owner, { name: "auditor", templates: ["workspace-audit.view"] });
    const u = await makeUser();
    await addMember(ref, owner, { username: u.username, role: "auditor" });
    await expect(deleteRole(ref, owner, "auditor")).rejects.toMatchObject({ status: 409, code: "in_use" });
    await removeMember(ref, owner, u.username);
    await expect(deleteRole(ref, owner, "auditor")).resolves.toBeUndefined();
  });
});

describe("members", () => {
  it("a project member must be a workspace member; leaving the workspace leaves its projects", async () => {
    const t = await tenant();
    const wsRef = await resolveScope({ workspace: t.ws });
    const pRef = await resolveScope({ workspace: t.ws, project: t.project });
    const owner = await principalOf(t.owner.username, { workspace: t.ws, project: t.project });
    const dev = await makeUser();
    await expect(addMember(pRef, owner, { username: dev.username, role: "viewer" })).rejects.toMatchObject({ status: 422, issues: [{ path: "username" }] });
    await addMember(wsRef, owner, { username: dev.username, role: "regular" });
    await addMember(pRef, owner, { username: dev.username, role: "viewer" });
    await expect(addMember(pRef, owner, { username: dev.username, role: "viewer" })).rejects.toMatchObject({ status: 409 });
    await expect(addMember(wsRef, owner, { username: "nobody-here", role: "regular" })).rejects.toMatchObject({ status: 422 });
    await expect(addMember(wsRef, owner, { username: dev.username, role: "no-such-role" })).rejects.toMatchObject({ status: 422 });

    await removeMember(wsRef, owner, dev.username);
    expect((await listMembers(pRef, { limit: 10 })).items).toEqual([]);
  });

  it("a workspace keeps at least one admin, and nobody raises their own role", async () => {
    const t = await tenant();
    const wsRef = await resolveScope({ workspace: t.ws });
    const owner = await principalOf(t.owner.username, { workspace: t.ws });
    await expect(changeMember(wsRef, owner, t.owner.username, { role: "viewer" })).rejects.toMatchObject({ status: 409, code: "last_admin" });
    await expect(removeMember(wsRef, owner, t.owner.username)).rejects.toMatchObject({ status: 409, code: "last_admin" });

    const second = await makeUser();
    await addMember(wsRef, owner, { username: second.username, role: "admin" });
    await expect(changeMember(wsRef, owner, t.owner.username, { role: "viewer" })).resolves.toMatchObject({ role: "viewer" });

    const pRef = await resolveScope({ workspace: t.ws, project: t.project });
    const op = await makeUser();
    const secondP = await principalOf(second.username, { workspace: t.ws, project: t.project });
    await addMember(wsRef, secondP, { username: op.username, role: "regular" });
    await addMember(pRef, secondP, { username: op.username, role: "operator" });
    const opP = await principalOf(op.username, { workspace: t.ws, project: t.project });
    await expect(changeMember(pRef, opP, op.username, { role: "admin" })).rejects.toMatchObject({ status: 403 });
  });

  it("nobody binds a role they do not hold", async () => {
    const t = await tenant();
    const wsRef = await resolveScope({ workspace: t.ws });
    const viewer = await makeUser();
    await addMember(wsRef, await principalOf(t.owner.username, { workspace: t.ws }), { username: viewer.username, role: "viewer" });
    const other = await makeUser();
    const err = await addMember(wsRef, await principalOf(viewer.username, { workspace: t.ws }), { username: other.username, role: "admin" }).catch((e) => e);
    expect(err).toMatchObject({ status: 403, code: "escalation" });
    expect(err.extra.missing).toContain("workspace-members.manage");
  });
});

describe("users", () => {
  it("a platform role is granted only by someone who holds it; the last platform admin stays", async () => {
    const adminP = await principalOf(admin.username);
    const u = await createUser(adminP, { username: uniqueName("u"), password: "a-long-enough-password", platformRole: "platform-self-provisioner", mustChangePassword: true });
    expect(u).toMatchObject({ platformRole: "platform-self-provisioner", status: "active", mustChangePassword: true });
    expect(JSON.stringify(u)).not.toContain("password");
    await expect(updateUser(await principalOf(u.username), u.username, { platformRole: "platform-admin" })).rejects.toMatchObject({ status: 403 });

    await db().user.updateMany({ where: { platformRole: "platform-admin", id: { not: admin.id } }, data: { platformRole: "platform-regular" } });
    await expect(updateUser(adminP, admin.username, { platformRole: "platform-regular" })).rejects.toMatchObject({ status: 409, code: "last_admin" });
    await expect(updateUser(adminP, admin.username, { status: "disabled" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("the cluster enforces the same boundary for kubectl", () => {
  it("project members get RoleBindings matching their role; nothing in other workspaces or cluster-wide", async () => {
    const a = await tenant();
    const b = await tenant();
    const dev = await makeUser();
    const ownerP = await principalOf(a.owner.username, { workspace: a.ws, project: a.project });
    await addMember(await resolveScope({ workspace: a.ws }), ownerP, { username: dev.username, role: "regular" });
    const pRef = await resolveScope({ workspace: a.ws, project: a.project });
    await addMember(pRef, ownerP, { username: dev.username, role: "operator" });
    await settled();

    expect(await can(dev.username, "create", "pods", a.project)).toBe(true);
    expect(await can(dev.username, "create", "rolebindings.rbac.authorization.k8s.io", a.project)).toBe(false);
    expect(await can(dev.username, "get", "pods", b.project)).toBe(false);
    expect(await can(dev.username, "list", "nodes")).toBe(false);
    expect(await can(dev.username, "create", "namespaces")).toBe(false);
    // The workspace owner administers every project of the workspace, in the cluster too.
    expect(await can(a.owner.username, "create", "rolebindings.rbac.authorization.k8s.io", a.project)).toBe(true);
    expect(await can(a.owner.username, "get", "pods", b.project)).toBe(false);

    await changeMember(pRef, ownerP, dev.username, { role: "viewer" });
    await settled();
    expect(await can(dev.username, "get", "pods", a.project)).toBe(true);
    expect(await can(dev.username, "create", "pods", a.project)).toBe(false);

    await removeMember(pRef, ownerP, dev.username);
    await settled();
    expect(await can(dev.username, "get", "pods", a.project)).toBe(false);
  });

  it("custom roles bind by what they grant: a project 'deployer' operates, a workspace 'watcher' views every project", async () => {
    const t = await tenant();
    const ownerP = await principalOf(t.owner.username, { workspace: t.ws, project: t.project });
    const wsRef = await resolveScope({ workspace: t.ws });
    const pRef = await resolveScope({ workspace: t.ws, project: t.project });
    await createRole(wsRef, ownerP, { name: "watcher", templates: ["projects.view"] });
    await createRole(pRef, ownerP, { name: "deployer", templates: ["workloads.manage"] });
    const [dev, watcher] = [await makeUser(), await makeUser()];
    await addMember(wsRef, ownerP, { username: dev.username, role: "regular" });
    await addMember(pRef, ownerP, { username: dev.username, role: "deployer" });
    await addMember(wsRef, ownerP, { username: watcher.username, role: "watcher" });
    await settled();

    expect(await can(dev.username, "create", "deployments.apps", t.project)).toBe(true);
    expect(await can(dev.username, "create", "rolebindings.rbac.authorization.k8s.io", t.project)).toBe(false);
    expect(await can(watcher.username, "list", "pods", t.project)).toBe(true);
    expect(await can(watcher.username, "create", "pods", t.project)).toBe(false);
  });
});

describe("access review", () => {
  it("lists who can do an action and through which binding", async () => {
    const t = await tenant();
    const viewer = await makeUser();
    await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: viewer.username, role: "viewer" });
    const ref = await resolveScope({ workspace: t.ws, project: t.project });
    const manage = await accessReview(ref, "project-settings.manage");
    expect(manage).toContainEqual(expect.objectContaining({ username: t.owner.username, level: "workspace", role: "admin" }));
    expect(manage).toContainEqual(expect.objectContaining({ username: admin.username, level: "platform", role: "platform-admin" }));
    expect(manage.map((e) => e.username)).not.toContain(viewer.username);
    const view = await accessReview(ref, "project-settings.view");
    expect(view).toContainEqual(expect.objectContaining({ username: viewer.username, level: "workspace", role: "viewer" }));
    await expect(accessReview(ref, "clusters.view")).rejects.toMatchObject({ status: 422 });
  });
});

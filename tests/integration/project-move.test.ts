// Moving a project to another workspace (#17 item 2) on a cluster (the simulator, or realkube with
// TENANTRY_TEST_REALKUBE): through the route as callers meet it, the reconciler relabelling the namespace and
// rewriting its policies and RoleBindings, the workloads staying, both pools recomputed, the audit history
// findable from both workspaces; each refusal; a dry run changing nothing; who may; a cluster down meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, NetworkingV1Api, RbacAuthorizationV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject, getProject } from "@/lib/tenancy/projects";
import { getWorkspaceQuota, putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { putWorkspaceNetwork } from "@/lib/tenancy/network";
import { connectivityMatrix } from "@/lib/kube/connectivity";
import { POLICY } from "@/lib/kube/network";
import * as moveRoute from "@/app/api/v1/workspaces/[ws]/projects/[project]/move/route";
import * as quotaRoute from "@/app/api/v1/workspaces/[ws]/projects/[project]/quota/route";
import * as auditRoute from "@/app/api/v1/audit/events/route";
import { callRoute, tokenFor, type Answer } from "../support/call-route";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { registerSimulator, registerTestCluster, simulatorBeside, type TestCluster } from "../support/cluster";

let target: TestCluster;
let other: TestCluster;
let kc: KubeConfig;
let cluster: string;
let admin: User;
let adminToken: string;
const controller = withController();

beforeAll(async () => {
  target = await registerTestCluster("move-sim");
  other = await registerSimulator("move-other-sim");
  kc = target.kc;
  cluster = target.name;
  admin = await makeUser("platform-admin");
  adminToken = await tokenFor(admin);
});
afterAll(async () => {
  await other.stop();
  await target.stop();
});

const member = (workspace: string, user: User, role: string) =>
  db().workspaceMember.create({ data: { workspace: { connect: { name: workspace } }, user: { connect: { id: user.id } }, role } });

async function projectMember(workspace: string, project: string, user: User, role: string) {
  const p = await db().project.findFirstOrThrow({ where: { name: project, workspace: { name: workspace } }, select: { id: true } });
  return db().projectMember.create({ data: { projectId: p.id, userId: user.id, role } });
}

/** Two workspaces on `on`, a project in the source, and their admins (each admin of one side only). */
async function scene(on = cluster) {
  const source = (await createWorkspace({ name: uniqueName("src"), clusters: [on] }, admin)).name;
  const dest = (await createWorkspace({ name: uniqueName("dst"), clusters: [on] }, admin)).name;
  const project = uniqueName("mv");
  await createProject(source, { name: project, cluster: on }, admin, await principalOf(admin.username, { workspace: source }));
  return { source, dest, project };
}

const move = async (token: string, ws: string, project: string, body: unknown, query?: Record<string, string>): Promise<Answer> =>
  callRoute(moveRoute.POST, { method: "POST", path: `/api/v1/workspaces/${ws}/projects/${project}/move`, params: { ws, project }, token, body, query });

const workspaceOf = async (project: string, on = cluster) =>
  (await db().project.findFirstOrThrow({ where: { name: project, cluster: { name: on } }, select: { workspace: { select: { name: true } } } })).workspace.name;

async function auditNames(token: string, query: Record<string, string>): Promise<string[]> {
  const a = await callRoute(auditRoute.GET, { method: "GET", path: "/api/v1/audit/events", token, query: { limit: "200", ...query } });
  expect(a.status).toBe(200);
  return (a.body as { items: { action: string; workspace: string; project: string | null }[] }).items.map((e) => `${e.action}@${e.workspace}/${e.project}`);
}

describe("moving a project to another workspace", () => {
  it("moves it whole: memberships, quota between pools, namespace relabelled with its workloads kept, policies and RoleBindings rewritten, history findable from both", async () => {
    const { source, dest, project } = await scene();
    const [sourceAdmin, destAdmin, dev, newcomer] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    // The mover administers both; each side also has an admin of its own, who sees only their side.
    const mover = await makeUser();
    await Promise.all([member(source, mover, "admin"), member(dest, mover, "admin"), member(source, sourceAdmin, "admin"), member(dest, destAdmin, "admin")]);
    await Promise.all([member(source, dev, "regular"), member(dest, dev, "regular"), member(source, newcomer, "regular")]);
    await projectMember(source, project, dev, "operator");
    await projectMember(source, project, newcomer, "viewer");
    // Both workspaces isolated, each with another project on the cluster; pools on both sides.
    const adminOf = (ws: string) => principalOf(admin.username, { workspace: ws });
    const sibling = uniqueName("sib");
    const neighbour = uniqueName("nb");
    await createProject(source, { name: sibling, cluster }, admin, await adminOf(source));
    await createProject(dest, { name: neighbour, cluster }, admin, await adminOf(dest));
    await putWorkspaceNetwork(source, true);
    await putWorkspaceNetwork(dest, true);
    await putWorkspaceQuota(source, cluster, { hard: { "limits.cpu": "4" } });
    await putWorkspaceQuota(dest, cluster, { hard: { "limits.cpu": "3" } });
    const moverToken = await tokenFor(mover);
    // The project's own quota, set through its route: an event of its past, recorded under the source.
    const putQuota = (p: string, cpu: string) =>
      callRoute(quotaRoute.PUT, { method: "PUT", path: `/api/v1/workspaces/${source}/projects/${p}/quota`, params: { ws: source, project: p }, token: moverToken, body: { hard: { "limits.cpu": cpu } } });
    expect((await putQuota(project, "2")).status).toBe(200);
    expect((await putQuota(sibling, "1")).status).toBe(200);
    await controller.settled({ cluster: { name: cluster } });

    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: project, body: { metadata: { name: "keep-me" }, data: { a: "1" } } });
    const uid = (await core.readNamespace({ name: project })).metadata!.uid;

    // The dry run lists what would happen and changes nothing (body and query both ask for it).
    for (const ask of [{ body: { workspace: dest, dryRun: true, members: "invite" } }, { body: { workspace: dest, members: "invite" }, query: { dryRun: "true" } }]) {
      const dry = await move(moverToken, source, project, ask.body, ask.query);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        from: source,
        to: dest,
        namespace: { name: project, labels: { before: { "tenantry.io/workspace": source }, after: { "tenantry.io/workspace": dest } }, deleted: false },
        memberships: { kept: [{ username: dev.username, role: "operator", workspaceRole: "regular" }], dropped: [], invited: [{ username: newcomer.username, role: "viewer", workspaceRole: "regular" }] },
        quota: {
          project: { "limits.cpu": "2" },
          source: { hard: { "limits.cpu": "4" }, allocated: { before: { "limits.cpu": "3" }, after: { "limits.cpu": "1" } } },
          target: { hard: { "limits.cpu": "3" }, allocated: { before: {}, after: { "limits.cpu": "2" } } },
        },
        network: { policies: [{ name: POLICY.workspace, change: "changed" }] },
      });
      // Workspace isolation: the sibling stops admitting it, the neighbour starts; nothing else changes.
      const connections = (dry.body as { network: { connections: { from: string; to: string; before: string; after: string }[] } }).network.connections;
      expect(connections).toEqual(
        expect.arrayContaining([
          { from: project, to: sibling, before: "allowed", after: "denied" },
          { from: neighbour, to: project, before: "denied", after: "allowed" },
        ]),
      );
    }
    expect(await workspaceOf(project)).toBe(source);
    expect(await db().workspaceMember.count({ where: { workspace: { name: dest }, userId: newcomer.id } })).toBe(0);

    const moved = await move(moverToken, source, project, { workspace: dest, members: "invite" });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dryRun: false, to: dest });
    expect(await workspaceOf(project)).toBe(dest);
    expect(await db().workspaceMember.findFirst({ where: { workspace: { name: dest }, userId: newcomer.id }, select: { role: true } })).toEqual({ role: "regular" });
    expect(await db().projectMember.count({ where: { project: { name: project } } })).toBe(2);
    // Both pools recomputed from their projects.
    expect((await getWorkspaceQuota(source, cluster)).allocated).toEqual({ "limits.cpu": "1" });
    expect((await getWorkspaceQuota(dest, cluster)).allocated).toEqual({ "limits.cpu": "2" });

    await controller.settled({ cluster: { name: cluster } });
    expect((await getProject(dest, project)).status).toBe("ready");
    const ns = await core.readNamespace({ name: project });
    expect(ns.metadata!.uid).toBe(uid);
    expect(ns.metadata!.labels).toMatchObject({ "tenantry.io/workspace": dest, "tenantry.io/project": project });
    expect((await core.readNamespacedConfigMap({ name: "keep-me", namespace: project })).data).toEqual({ a: "1" });
    const policy = await kc.makeApiClient(NetworkingV1Api).readNamespacedNetworkPolicy({ name: POLICY.workspace, namespace: project });
    expect(policy.spec!.ingress![0]!._from).toEqual([{ namespaceSelector: { matchLabels: { "tenantry.io/workspace": dest } } }]);
    const bindings = (await kc.makeApiClient(RbacAuthorizationV1Api).listNamespacedRoleBinding({ namespace: project })).items.flatMap((b) => b.subjects!.map((s) => s.name));
    expect(bindings).toEqual(expect.arrayContaining([`tenantry:${destAdmin.username}`, `tenantry:${dev.username}`, `tenantry:${newcomer.username}`]));
    expect(bindings).not.toContain(`tenantry:${sourceAdmin.username}`);

    // Other projects' policies select by the label: the cluster's own objects now say what the dry run said.
    const nsInfo = async (name: string) => ({ name, labels: (await core.readNamespace({ name })).metadata!.labels! });
    const policies = (await kc.makeApiClient(NetworkingV1Api).listNetworkPolicyForAllNamespaces({})).items.filter((p) => [project, sibling, neighbour].includes(p.metadata!.namespace!));
    const matrix = connectivityMatrix(await Promise.all([project, sibling, neighbour].map(nsInfo)), policies);
    expect(matrix.cells[project]![sibling]!.state).toBe("denied");
    expect(matrix.cells[neighbour]![project]!.state).toBe("allowed");

    // The audit history: the destination's search and the project's tab find its past and the move; the
    // source keeps its own; each side's own admin sees only their side.
    const destToken = await tokenFor(destAdmin);
    const sourceToken = await tokenFor(sourceAdmin);
    const past = `project.quota.update@${source}/${project}`;
    const siblings = `project.quota.update@${source}/${sibling}`;
    const moveEvent = `project.move@${source}/${project}`;
    expect(await auditNames(destToken, { workspace: dest })).toEqual(expect.arrayContaining([past, moveEvent]));
    expect(await auditNames(destToken, { workspace: dest, project })).toEqual(expect.arrayContaining([past, moveEvent]));
    expect(await auditNames(destToken, {})).toEqual(expect.arrayContaining([past, moveEvent]));
    expect(await auditNames(await tokenFor(newcomer), { workspace: dest, project })).toEqual(expect.arrayContaining([past, moveEvent]));
    expect(await auditNames(await tokenFor(newcomer), {})).toEqual(expect.arrayContaining([past, moveEvent]));
    const inSource = await auditNames(sourceToken, { workspace: source });
    expect(inSource).toEqual(expect.arrayContaining([past, moveEvent, siblings]));
    // One event for the move, naming both sides.
    const events = await db().auditEvent.findMany({ where: { action: "project.move", project, outcome: "success" }, select: { workspace: true, request: true } });
    expect(events.filter((e) => !(e.request as { dryRun?: boolean }).dryRun)).toEqual([{ workspace: source, request: { from: source, to: dest, members: "invite" } }]);
    expect(events.filter((e) => (e.request as { dryRun?: boolean }).dryRun)).toHaveLength(2);
    expect(await auditNames(sourceToken, { workspace: dest })).toEqual([]);
    // The source's other events (its sibling's quota) stay the source's alone.
    expect(await auditNames(destToken, { workspace: dest })).not.toContain(siblings);
    expect(await auditNames(destToken, {})).not.toContain(siblings);
  }, 120_000);

  it("refuses a target not placed on the project's cluster (422 on workspace) and changes nothing", async () => {
    const { source, project } = await scene();
    const elsewhere = (await createWorkspace({ name: uniqueName("far"), clusters: [other.name] }, admin)).name;
    for (const dryRun of [true, false]) {
      const a = await move(adminToken, source, project, { workspace: elsewhere, dryRun });
      expect(a.status).toBe(422);
      expect(a.contentType).toContain("application/problem+json");
      expect(a.body).toMatchObject({ issues: [{ path: "workspace", message: `Workspace "${elsewhere}" is not authorised on cluster "${cluster}".` }] });
    }
    expect(await workspaceOf(project)).toBe(source);
  });

  it("refuses a quota that does not fit the target's pool, naming each key", async () => {
    const { source, dest, project } = await scene();
    await putWorkspaceQuota(source, cluster, { hard: { "limits.cpu": "4", "limits.memory": "8Gi" } });
    await db().project.updateMany({ where: { name: project }, data: { quota: { hard: { "limits.cpu": "2", "limits.memory": "1Gi" } } } });
    await putWorkspaceQuota(dest, cluster, { hard: { "limits.cpu": "1", "limits.memory": "4Gi" } });
    const a = await move(adminToken, source, project, { workspace: dest });
    expect(a.status).toBe(422);
    expect((a.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["quota.hard.limits.cpu"]);
    expect(await workspaceOf(project)).toBe(source);
    expect((await getWorkspaceQuota(dest, cluster)).allocated).toEqual({});
  });

  it("refuses members outside the target by default, naming them; drops them when asked", async () => {
    const { source, dest, project } = await scene();
    const [stay, outsider] = await Promise.all([makeUser(), makeUser()]);
    await Promise.all([member(source, stay, "regular"), member(dest, stay, "regular"), member(source, outsider, "regular")]);
    await projectMember(source, project, stay, "viewer");
    await projectMember(source, project, outsider, "operator");
    for (const dryRun of [true, false]) {
      const a = await move(adminToken, source, project, { workspace: dest, dryRun });
      expect(a.status).toBe(409);
      expect(a.body).toMatchObject({ code: "members_not_in_target", members: [outsider.username], issues: [{ path: "members" }] });
    }
    expect(await db().projectMember.count({ where: { project: { name: project } } })).toBe(2);

    const dropped = await move(adminToken, source, project, { workspace: dest, members: "drop" });
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ memberships: { kept: [{ username: stay.username }], dropped: [{ username: outsider.username, role: "operator" }], invited: [] } });
    expect((await db().projectMember.findMany({ where: { project: { name: project } }, select: { userId: true } })).map((m) => m.userId)).toEqual([stay.id]);
    expect(await db().workspaceMember.count({ where: { workspace: { name: dest }, userId: outsider.id } })).toBe(0);
  });

  it("an invited member's membership of the target ends when their project membership does", async () => {
    const { source, dest, project } = await scene();
    const guest = await makeUser();
    await member(source, guest, "regular");
    const ends = new Date(Date.now() + 7 * 24 * 3600_000);
    const p = await db().project.findFirstOrThrow({ where: { name: project }, select: { id: true } });
    await db().projectMember.create({ data: { projectId: p.id, userId: guest.id, role: "viewer", expiresAt: ends } });
    expect((await move(adminToken, source, project, { workspace: dest, members: "invite" })).status).toBe(200);
    expect(await db().workspaceMember.findFirst({ where: { workspace: { name: dest }, userId: guest.id }, select: { role: true, expiresAt: true } })).toEqual({ role: "regular", expiresAt: ends });
  });

  it("refuses a target that already has a project of that name (409)", async () => {
    const { source, dest, project } = await scene();
    await db().workspaceCluster.create({ data: { workspace: { connect: { name: dest } }, cluster: { connect: { name: other.name } } } });
    await createProject(dest, { name: project, cluster: other.name }, admin, await principalOf(admin.username, { workspace: dest }));
    const a = await move(adminToken, source, project, { workspace: dest, dryRun: true });
    expect(a).toMatchObject({ status: 409, body: { code: "already_exists" } });
  });

  it("is for a source admin who may create projects in the target, or a platform admin; others meet 403 or 404", async () => {
    const { source, dest, project } = await scene();
    const [sourceOnly, sourceAdminTargetRegular, targetOnly, targetAdminSourceRegular] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    await Promise.all([
      member(source, sourceOnly, "admin"),
      member(source, sourceAdminTargetRegular, "admin"),
      member(dest, sourceAdminTargetRegular, "regular"),
      member(dest, targetOnly, "admin"),
      member(dest, targetAdminSourceRegular, "admin"),
      member(source, targetAdminSourceRegular, "regular"),
    ]);
    const as = async (u: User) => (await move(await tokenFor(u), source, project, { workspace: dest, dryRun: true })).status;
    expect(await as(sourceOnly)).toBe(404); // the target is not theirs to see
    expect(await as(sourceAdminTargetRegular)).toBe(403); // no projects.create there
    expect(await as(targetOnly)).toBe(404); // the source is not theirs to see
    expect(await as(targetAdminSourceRegular)).toBe(403); // a regular member of the source
    // Inviting members into the target needs its member management too.
    const selfProvisioner = await makeUser();
    await Promise.all([member(source, selfProvisioner, "admin"), member(dest, selfProvisioner, "self-provisioner")]);
    expect((await move(await tokenFor(selfProvisioner), source, project, { workspace: dest, dryRun: true })).status).toBe(200);
    expect((await move(await tokenFor(selfProvisioner), source, project, { workspace: dest, dryRun: true, members: "invite" })).status).toBe(403);
    // Refusals are audited as denied and move nothing.
    expect(await db().auditEvent.count({ where: { action: "project.move", username: sourceOnly.username, outcome: "denied" } })).toBe(1);
    expect(await workspaceOf(project)).toBe(source);

    const ok = await move(adminToken, source, project, { workspace: dest });
    expect(ok.status).toBe(200);
    expect(await workspaceOf(project)).toBe(dest);
  });

  it("rejects bad input with field issues and changes nothing", async () => {
    const { source, project } = await scene();
    for (const body of [{}, { workspace: "Not_A_Label" }, { workspace: source, members: "keep" }, { workspace: source, extra: 1 }]) {
      const a = await move(adminToken, source, project, body);
      expect(a.status).toBe(422);
      expect((a.body as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    }
    expect((await move(adminToken, source, project, { workspace: source })).body).toMatchObject({ status: 422, issues: [{ path: "workspace" }] });
    expect((await move(adminToken, source, uniqueName("none"), { workspace: source })).status).toBe(404);
    expect(await workspaceOf(project)).toBe(source);
  });

  it("with the cluster down the move stands in the database, and the cluster converges when it returns (on a simulator)", async () => {
    const down = await simulatorBeside(target, "move-down-sim");
    const { source, dest, project } = await scene(down.name);
    await controller.settled({ cluster: { name: down.name } });
    const downCore = down.kc.makeApiClient(CoreV1Api);
    await downCore.createNamespacedConfigMap({ namespace: project, body: { metadata: { name: "keep-me" } } });
    const uid = (await downCore.readNamespace({ name: project })).metadata!.uid;
    down.sim.faults.set({ refuse: true });
    try {
      const a = await move(adminToken, source, project, { workspace: dest });
      expect(a.status).toBe(200);
      expect(await workspaceOf(project, down.name)).toBe(dest);
      await eventually(async () => (await getProject(dest, project)).status === "error");
    } finally {
      down.sim.faults.clear();
    }
    await eventually(async () => (await getProject(dest, project)).status === "ready", 100);
    const ns = await downCore.readNamespace({ name: project });
    expect(ns.metadata!.uid).toBe(uid);
    expect(ns.metadata!.labels!["tenantry.io/workspace"]).toBe(dest);
    expect((await downCore.readNamespacedConfigMap({ name: "keep-me", namespace: project })).metadata!.name).toBe("keep-me");
  }, 120_000);
});

// Journey: a workspace on a cluster (the simulator, or realkube with TENANTRY_TEST_REALKUBE), a project
// in it, its namespace in the cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject, deleteProject, getProject, listProjects } from "@/lib/tenancy/projects";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { registerTestCluster, simulatorBeside, type TestCluster } from "../support/cluster";

let target: TestCluster;
let core: CoreV1Api;
let admin: User;
let clusterName: string;
const controller = withController();

beforeAll(async () => {
  target = await registerTestCluster("proj-sim");
  core = target.kc.makeApiClient(CoreV1Api);
  clusterName = target.name;
  admin = await makeUser("platform-admin");
});

afterAll(async () => {
  await target.stop();
});

async function newWorkspace(cluster = clusterName) {
  return createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, admin);
}

describe("projects", () => {
  it("creates the namespace with Tenantry's labels and reports ready", async () => {
    const ws = await newWorkspace();
    const name = uniqueName("web");
    const project = await createProject(ws.name, { name, cluster: clusterName }, admin, await principalOf(admin.username, { workspace: ws.name }));
    // The request returns at once (`pending`, or already `ready`); the reconciler does the cluster's part.
    expect(project).toMatchObject({ name, namespace: name, cluster: clusterName, workspace: ws.name });
    await controller.settled({ name });
    expect((await getProject(ws.name, name)).status).toBe("ready");

    const ns = await core.readNamespace({ name });
    expect(ns.metadata?.labels).toMatchObject({
      "tenantry.io/workspace": ws.name,
      "tenantry.io/project": name,
      "app.kubernetes.io/managed-by": "tenantry",
    });
  });

  it("makes the creator admin of the project unless they already manage every project", async () => {
    const ws = await newWorkspace();
    const dev = await makeUser();
    await db().workspaceMember.create({ data: { workspace: { connect: { name: ws.name } }, user: { connect: { id: dev.id } }, role: "self-provisioner" } });
    const name = uniqueName("svc");
    await createProject(ws.name, { name, cluster: clusterName }, dev, await principalOf(dev.username, { workspace: ws.name }));
    const members = await db().projectMember.findMany({ where: { project: { name } }, include: { user: true } });
    expect(members.map((m) => [m.user.username, m.role])).toEqual([[dev.username, "admin"]]);

    const adminProject = uniqueName("ops");
    await createProject(ws.name, { name: adminProject, cluster: clusterName }, admin, await principalOf(admin.username, { workspace: ws.name }));
    expect(await db().projectMember.count({ where: { project: { name: adminProject } } })).toBe(0);
  });

  it("lists every project to those who see all, and only their own to regular members", async () => {
    const ws = await newWorkspace();
    const member = await makeUser();
    await db().workspaceMember.create({ data: { workspace: { connect: { name: ws.name } }, user: { connect: { id: member.id } }, role: "regular" } });
    const adminPrincipal = await principalOf(admin.username, { workspace: ws.name });
    const mine = uniqueName("mine");
    const theirs = uniqueName("theirs");
    await createProject(ws.name, { name: mine, cluster: clusterName }, admin, adminPrincipal);
    await createProject(ws.name, { name: theirs, cluster: clusterName }, admin, adminPrincipal);
    await db().projectMember.create({ data: { project: { connect: { clusterId_name: { clusterId: (await db().cluster.findUniqueOrThrow({ where: { name: clusterName } })).id, name: mine } } }, user: { connect: { id: member.id } }, role: "viewer" } });

    expect((await listProjects(adminPrincipal, ws.name)).items.map((p) => p.name).sort()).toEqual([mine, theirs].sort());
    expect((await listProjects(await principalOf(member.username, { workspace: ws.name }), ws.name)).items.map((p) => p.name)).toEqual([mine]);
  });

  it("refuses a cluster the workspace is not placed on (422) and a taken name (409), storing nothing", async () => {
    const ws = await newWorkspace();
    const p = await principalOf(admin.username, { workspace: ws.name });
    await expect(createProject(ws.name, { name: uniqueName("x"), cluster: "nowhere" }, admin, p)).rejects.toMatchObject({ status: 422, issues: [{ path: "cluster" }] });

    const name = uniqueName("dup");
    await createProject(ws.name, { name, cluster: clusterName }, admin, p);
    const other = await newWorkspace();
    await expect(createProject(other.name, { name, cluster: clusterName }, admin, p)).rejects.toMatchObject({ status: 409 });
    expect(await db().project.count({ where: { name } })).toBe(1);
  });

  it("will not adopt a namespace someone else made (409)", async () => {
    const ws = await newWorkspace();
    const name = uniqueName("handmade");
    await core.createNamespace({ body: { metadata: { name } } });
    await expect(createProject(ws.name, { name, cluster: clusterName }, admin, await principalOf(admin.username, { workspace: ws.name }))).rejects.toMatchObject({ status: 409 });
    expect(await db().project.count({ where: { name } })).toBe(0);
  });

  it("deleting a project deletes its namespace", async () => {
    const ws = await newWorkspace();
    const name = uniqueName("gone");
    await createProject(ws.name, { name, cluster: clusterName }, admin, await principalOf(admin.username, { workspace: ws.name }));
    await deleteProject(ws.name, name);
    // The namespace controller needs a moment (seconds on a real cluster); its DELETED event brings the project back to the reconciler.
    await eventually(async () => (await db().project.count({ where: { name } })) === 0, 300);
    await expect(core.readNamespace({ name })).rejects.toMatchObject({ code: 404 });
    await expect(getProject(ws.name, name)).rejects.toMatchObject({ status: 404 });
  });

  it("a cluster that is down leaves the project in error, and the reconciler makes it ready when it is back (on a simulator)", async () => {
    // Refusing connections is fault injection: the simulator's, beside a real cluster.
    const down = await simulatorBeside(target, "proj-down-sim");
    const ws = await newWorkspace(down.name);
    const name = uniqueName("later");
    down.sim.faults.set({ refuse: true });
    try {
      await createProject(ws.name, { name, cluster: down.name }, admin, await principalOf(admin.username, { workspace: ws.name }));
      await eventually(async () => (await getProject(ws.name, name)).status === "error");
      expect((await getProject(ws.name, name)).statusMessage).toBeTruthy();
    } finally {
      down.sim.faults.clear();
    }
    await eventually(async () => (await getProject(ws.name, name)).status === "ready");
    expect((await down.kc.makeApiClient(CoreV1Api).readNamespace({ name })).metadata?.name).toBe(name);
  });
});

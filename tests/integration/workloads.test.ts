// The project's workloads as each kind of member reads them (GET …/projects/{project}/workloads, impersonated on
// the cluster): platform and workspace admins see every project they can see, through bindings the cluster holds
// (kubectl with the same identity tells the same story); a project viewer still cannot write; a refusal by the
// cluster reads as a sentence, never as the raw Status. On the simulator, or realkube with TENANTRY_TEST_REALKUBE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppsV1Api, CoreV1Api, type V1PodSpec } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { requestReconcile } from "@/lib/kube/controller/enqueue";
import { GET as workloadsRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/workloads/route";
import { raw } from "../contract/target";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { registerTestCluster, type TestCluster } from "../support/cluster";

let target: TestCluster;
let ws: string;
let project: string;
let platformAdmin: User;
let wsAdmin: User;
let viewer: User;
let outsider: User;
const controller = withController();

// Admitted under Pod Security "restricted" (the projects' default); no kubelet runs it on realkube.
const podSpec: V1PodSpec = {
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
  containers: [{ name: "web", image: "registry.example/web:1", securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
};

beforeAll(async () => {
  target = await registerTestCluster("workloads-sim");
  platformAdmin = await makeUser("platform-admin");
  const owner = await makeUser();
  ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [target.name] }, owner)).name;
  project = (await createProject(ws, { name: uniqueName("p"), cluster: target.name }, owner, await principalOf(owner.username, { workspace: ws }))).name;
  const wsRef = await resolveScope({ workspace: ws });
  const ownerP = await principalOf(owner.username, { workspace: ws, project });
  wsAdmin = await makeUser();
  await addMember(wsRef, ownerP, { username: wsAdmin.username, role: "admin" });
  viewer = await makeUser();
  await addMember(wsRef, ownerP, { username: viewer.username, role: "regular" });
  await addMember(await resolveScope({ workspace: ws, project }), ownerP, { username: viewer.username, role: "viewer" });
  // A member of another tenant only.
  outsider = await makeUser();
  const other = await createWorkspace({ name: uniqueName("ws"), clusters: [target.name] }, outsider);
  expect(other.name).not.toBe(ws);
  await controller.settled({ name: project });
  await controller.settled({ cluster: { name: target.name } });

  const apps = target.kc.makeApiClient(AppsV1Api);
  const core = target.kc.makeApiClient(CoreV1Api);
  const labels = { app: "web" };
  await apps.createNamespacedDeployment({
    namespace: project,
    body: { metadata: { name: "web" }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } } },
  });
  await core.createNamespacedPod({ namespace: project, body: { metadata: { name: "web-manual", labels }, spec: podSpec } });
});
afterAll(async () => {
  await target.stop();
});

interface Listed { items: { name: string }[] | null; error: string | null; code?: string }
interface Workloads { identity: string; groups: string[]; deployments: Listed; pods: Listed; services: Listed }

async function workloadsAs(user: User): Promise<{ status: number; body: Workloads }> {
  const res = await callRoute(workloadsRoute as Handler, { method: "GET", path: `/api/v1/workspaces/${ws}/projects/${project}/workloads`, params: { ws, project }, token: await tokenFor(user) });
  return { status: res.status, body: res.body as Workloads };
}

/** What the cluster says an identity may do, asked as kubectl `--as … --as-group …` would. */
async function clusterAllows(user: string, groups: string[], verb: string, resource: string, group: string, namespace = project): Promise<boolean> {
  const headers: Record<string, string> = { "Impersonate-User": user };
  if (groups.length) headers["Impersonate-Group"] = groups[0]!;
  const res = await raw(target.kc, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
    headers,
    body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource, group, namespace } } },
  });
  expect(res.status).toBe(201);
  return (res.body as { status: { allowed?: boolean } }).status.allowed === true;
}

const names = (l: Listed) => (l.items ?? []).map((i) => i.name);

describe("workloads of a project", () => {
  it("a platform admin who is no member lists its deployments and pods, through the platform viewers' group", async () => {
    const { status, body } = await workloadsAs(platformAdmin);
    expect(status).toBe(200);
    expect(body).toMatchObject({ identity: `tenantry:${platformAdmin.username}`, groups: ["tenantry:platform-viewers"] });
    expect(body.deployments.error).toBeNull();
    expect(names(body.deployments)).toContain("web");
    expect(body.pods.error).toBeNull();
    expect(names(body.pods)).toContain("web-manual");
    expect(body.services.error).toBeNull();
  });

  it("a workspace admin who is no project member lists them too", async () => {
    const { status, body } = await workloadsAs(wsAdmin);
    expect(status).toBe(200);
    expect(body.groups).toEqual([]);
    expect(names(body.deployments)).toContain("web");
    expect(names(body.pods)).toContain("web-manual");
  });

  it("kubectl as the same identities meets the same boundary: they read, they do not write; without the group, nothing", async () => {
    const platform = [`tenantry:${platformAdmin.username}`, ["tenantry:platform-viewers"]] as const;
    expect(await clusterAllows(platform[0], [...platform[1]], "list", "deployments", "apps")).toBe(true);
    expect(await clusterAllows(platform[0], [...platform[1]], "create", "deployments", "apps")).toBe(false);
    expect(await clusterAllows(platform[0], [], "list", "deployments", "apps")).toBe(false);
    expect(await clusterAllows(`tenantry:${wsAdmin.username}`, [], "list", "pods", "")).toBe(true);
    expect(await clusterAllows(`tenantry:${viewer.username}`, [], "list", "pods", "")).toBe(true);
  });

  it("a project viewer lists them and still cannot write", async () => {
    const { status, body } = await workloadsAs(viewer);
    expect(status).toBe(200);
    expect(names(body.deployments)).toContain("web");
    const create = await raw(target.kc, "POST", `/apis/apps/v1/namespaces/${project}/deployments`, {
      headers: { "Impersonate-User": `tenantry:${viewer.username}` },
      body: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "not-allowed" }, spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: podSpec } } },
    });
    expect(create.status).toBe(403);
    expect(await clusterAllows(`tenantry:${viewer.username}`, [], "delete", "pods", "")).toBe(false);
  });

  it("someone of another tenant is told the project does not exist", async () => {
    expect((await workloadsAs(outsider)).status).toBe(404);
  });

  it("a refusal by the cluster reads as a sentence, in the caller's language, without the raw Status", async () => {
    // A member the reconciler has not bound yet (written straight to the database, so nothing enqueues it):
    // the console lets them look, the cluster does not.
    const late = await makeUser();
    const wsRow = await db().workspace.findUniqueOrThrow({ where: { name: ws } });
    const projectRow = await db().project.findFirstOrThrow({ where: { name: project, workspaceId: wsRow.id } });
    await db().workspaceMember.create({ data: { workspaceId: wsRow.id, userId: late.id, role: "regular" } });
    await db().projectMember.create({ data: { projectId: projectRow.id, userId: late.id, role: "viewer" } });
    const { status, body } = await workloadsAs(late);
    expect(status).toBe(200);
    for (const [list, resource] of [[body.deployments, "deployments.apps"], [body.pods, "pods"]] as const) {
      expect(list).toMatchObject({ items: null, code: "forbidden", error: `The cluster's RBAC does not let tenantry:${late.username} access ${resource} here.` });
      expect(list.error).not.toMatch(/forbidden|403|cannot list/);
    }
    const zh = await callRoute(workloadsRoute as Handler, {
      method: "GET",
      path: `/api/v1/workspaces/${ws}/projects/${project}/workloads`,
      params: { ws, project },
      token: await tokenFor(late),
      headers: { "accept-language": "zh-CN" },
    });
    expect((zh.body as Workloads).pods.error).toBe(`集群的 RBAC 不允许 tenantry:${late.username} 在此访问 pods。`);
    // Once reconciled, the same member sees them.
    await requestReconcile(db(), { id: projectRow.id });
    await controller.settled({ id: projectRow.id });
    await eventually(async () => names((await workloadsAs(late)).body.deployments).includes("web"));
  });
});

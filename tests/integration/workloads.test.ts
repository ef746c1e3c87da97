// The project's workloads as each kind of member reads them (GET …/projects/{project}/workloads, impersonated on
// the cluster): platform and workspace admins see every project they can see, through bindings the cluster holds
// (kubectl with the same identity tells the same story); a project viewer still cannot write; a refusal by the
// cluster reads as a sentence, never as the raw Status. Each kind lists and opens (…/workloads/{kind}[/{name}]) with
// its status and YAML; a kind the member's cluster identity may not read is a 403 problem; a Secret's values never
// leave the server. On the simulator, or realkube with TENANTRY_TEST_REALKUBE (no kubelet there: pods stay Pending).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppsV1Api, BatchV1Api, CoreV1Api, type V1PodSpec } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { requestReconcile } from "@/lib/kube/controller/enqueue";
import { GET as workloadsRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/workloads/route";
import { GET as kindRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]/route";
import { GET as objectRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]/[name]/route";
import { WORKLOAD_KINDS } from "@/lib/schemas/workload-kinds";
import { raw } from "../contract/target";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { REALKUBE, registerTestCluster, type TestCluster } from "../support/cluster";

let target: TestCluster;
let ws: string;
let project: string;
let platformAdmin: User;
let wsAdmin: User;
let viewer: User;
let outsider: User;
const controller = withController();
const SECRET = "s3cr3t-never-shown-7f1c";
/** Every answer of the kind and object routes, to check afterwards that the secret's value is in none. */
const answered: string[] = [];

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
  const batch = target.kc.makeApiClient(BatchV1Api);
  const dbLabels = { app: "db" };
  await apps.createNamespacedStatefulSet({ namespace: project, body: { metadata: { name: "db" }, spec: { serviceName: "db", selector: { matchLabels: dbLabels }, template: { metadata: { labels: dbLabels }, spec: podSpec } } } });
  const agent = { app: "agent" };
  await apps.createNamespacedDaemonSet({ namespace: project, body: { metadata: { name: "agent" }, spec: { selector: { matchLabels: agent }, template: { metadata: { labels: agent }, spec: podSpec } } } });
  const once = { spec: { ...podSpec, restartPolicy: "Never" } };
  await batch.createNamespacedJob({ namespace: project, body: { metadata: { name: "once" }, spec: { template: once } } });
  await batch.createNamespacedCronJob({ namespace: project, body: { metadata: { name: "nightly" }, spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: once } } } } });
  await core.createNamespacedService({ namespace: project, body: { metadata: { name: "web" }, spec: { selector: labels, ports: [{ port: 80 }] } } });
  await core.createNamespacedConfigMap({ namespace: project, body: { metadata: { name: "settings" }, data: { "mode.conf": "fast" } } });
  // kubectl apply would repeat the value in the last-applied annotation: that must not leak either.
  const lastApplied = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "creds", namespace: project }, stringData: { password: SECRET } });
  await core.createNamespacedSecret({ namespace: project, body: { metadata: { name: "creds", annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied } }, stringData: { password: SECRET } } });
  // The controllers have made the Deployment's ReplicaSet and its pod, and said so in Events.
  await eventually(async () => (await core.listNamespacedPod({ namespace: project })).items.some((p) => p.metadata?.name?.startsWith("web-") && p.metadata.name !== "web-manual"), 100, 200);
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

async function kindAs(user: User, kind: string, name?: string) {
  const path = `/api/v1/workspaces/${ws}/projects/${project}/workloads/${kind}${name ? `/${name}` : ""}`;
  const res = await callRoute((name ? objectRoute : kindRoute) as Handler, { method: "GET", path, params: { ws, project, kind, ...(name ? { name } : {}) }, token: await tokenFor(user) });
  answered.push(JSON.stringify(res.body));
  return res as { status: number; contentType: string; body: Record<string, never> & { items: Record<string, unknown>[] } };
}

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

describe("each kind of a project's workloads, listed and opened", () => {
  it("a workspace admin lists every kind, each with what kubectl get shows of it", async () => {
    const lists = Object.fromEntries(await Promise.all(WORKLOAD_KINDS.map(async (kind) => [kind, await kindAs(wsAdmin, kind)] as const)));
    for (const kind of WORKLOAD_KINDS) expect(lists[kind].status, kind).toBe(200);
    const row = (kind: string, name: string) => lists[kind].body.items.find((i) => i.name === name);
    expect(row("deployments", "web")).toMatchObject({ ready: expect.stringMatching(/^\d+\/1$/), createdAt: expect.any(String) });
    expect(row("statefulsets", "db")).toMatchObject({ ready: expect.stringMatching(/^\d+\/1$/) });
    expect(row("daemonsets", "agent")).toMatchObject({ desired: expect.any(Number) });
    expect(row("jobs", "once")).toMatchObject({ completions: expect.stringMatching(/^\d\/1$/) });
    expect(row("cronjobs", "nightly")).toMatchObject({ schedule: "0 3 * * *", suspended: false, active: 0 });
    expect(row("pods", "web-manual")).toMatchObject({ phase: expect.stringMatching(/^(Pending|Running)$/), restarts: 0 });
    expect(row("services", "web")).toMatchObject({ type: "ClusterIP", ports: "80/TCP" });
    expect(row("configmaps", "settings")).toMatchObject({ keys: ["mode.conf"] });
    expect(row("secrets", "creds")).toEqual({ name: "creds", createdAt: expect.any(String), type: "Opaque", keys: ["password"] });
    // The controllers' Events, newest first: the Deployment's scaling at least (a real cluster's controller-manager says it too).
    const events = lists.events.body.items as { object: string; reason: string; lastSeen: string }[];
    expect(events).toContainEqual(expect.objectContaining({ object: "Deployment/web", reason: "ScalingReplicaSet" }));
    expect(events.map((e) => e.lastSeen)).toEqual([...events.map((e) => e.lastSeen)].sort().reverse());
  });

  it("opens a Deployment and a pod with their status, Events and YAML as the API server returned it", async () => {
    const deployment = await kindAs(wsAdmin, "deployments", "web");
    expect(deployment.status).toBe(200);
    expect(deployment.body).toMatchObject({ kind: "deployments", objectKind: "Deployment", apiVersion: "apps/v1", name: "web", containers: [{ name: "web", image: "registry.example/web:1", init: false }] });
    expect(deployment.body.facts).toContainEqual({ key: "selector", value: "app=web" });
    expect(deployment.body.yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(deployment.body.yaml).toContain("uid: ");
    expect(deployment.body.yaml).not.toContain("managedFields");
    await eventually(async () => ((await kindAs(wsAdmin, "deployments", "web")).body.events as { items: { reason: string }[] }).items.some((e) => e.reason === "ScalingReplicaSet"), 50, 200);

    const pod = await kindAs(wsAdmin, "pods", "web-manual");
    expect(pod.status).toBe(200);
    expect(pod.body.row).toMatchObject({ name: "web-manual", ready: expect.stringMatching(/^[01]\/1$/) });
    expect(pod.body.facts).toContainEqual({ key: "serviceAccount", value: "default" });
    expect(pod.body.yaml).toContain("kind: Pod");
    expect(pod.body.yaml).toContain("restartPolicy: Always");
    expect(pod.body.events).toMatchObject({ error: null, items: expect.any(Array) });
    if (!REALKUBE) {
      // The simulator's scheduler and kubelet run it and say so; realkube has neither, the pod stays Pending.
      await eventually(async () => ((await kindAs(wsAdmin, "pods", "web-manual")).body.events as { items: { reason: string }[] }).items.some((e) => e.reason === "Started"));
      expect((await kindAs(wsAdmin, "pods", "web-manual")).body.conditions).toContainEqual(expect.objectContaining({ type: "Ready", status: "True" }));
    }
  });

  it("a Secret opens with its keys' names, never its values, neither in the YAML nor in the annotation kubectl writes", async () => {
    const secret = await kindAs(wsAdmin, "secrets", "creds");
    expect(secret.status).toBe(200);
    expect(secret.body.row).toMatchObject({ keys: ["password"] });
    expect(secret.body.yaml).toContain("kind: Secret");
    expect(secret.body.yaml).not.toMatch(/^data:/m);
    expect(secret.body.yaml).not.toContain("last-applied-configuration");
  });

  it("a kind the member's cluster identity may not read is the cluster's 403, as a problem naming who and what", async () => {
    const refused = await kindAs(viewer, "secrets");
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ code: "cluster_forbidden", detail: `The cluster's RBAC does not let tenantry:${viewer.username} access secrets here.` });
    expect((await kindAs(viewer, "secrets", "creds")).status).toBe(403);
    // What the viewer may read, they read.
    expect((await kindAs(viewer, "configmaps")).status).toBe(200);
  });

  it("a kind the pages do not show, a missing object and a project of another tenant are 404s", async () => {
    const unknown = await kindAs(wsAdmin, "replicationcontrollers");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "not_found", detail: expect.stringContaining("deployments, statefulsets") });
    const missing = await kindAs(wsAdmin, "pods", "no-such-pod");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "not_found" });
    expect((await kindAs(outsider, "pods")).status).toBe(404);
  });

  it("no answer of these routes holds the Secret's value, plain or base64", () => {
    expect(answered.length).toBeGreaterThan(10);
    const base64 = Buffer.from(SECRET).toString("base64");
    expect(answered.filter((a) => a.includes(SECRET) || a.includes(base64))).toEqual([]);
  });
});

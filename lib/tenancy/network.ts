// Network isolation (workspace on/off, a project's allow-lists) and the connectivity matrix read from the
// NetworkPolicies actually in the cluster — Tenantry's and anyone else's.
import { CoreV1Api, NetworkingV1Api } from "@kubernetes/client-node";
import { db } from "../db/client";
import { AppError, invalid, notFound } from "../api/errors";
import { apiFor, withTimeout } from "../kube/client";
import { kubeSentence } from "../kube/errors";
import { desiredPolicies } from "../kube/network";
import { wireYaml } from "../kube/wire";
import { connectivityMatrix, type Matrix } from "../kube/connectivity";
import { requestReconcile } from "../kube/controller/enqueue";
import type { AllowEntry, ProjectNetwork } from "../schemas/network";

export async function getWorkspaceNetwork(ws: string) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { networkIsolated: true } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  return { isolated: w.networkIsolated };
}

export async function putWorkspaceNetwork(ws: string, isolated: boolean) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { id: true } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  await db().$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: w.id }, data: { networkIsolated: isolated } });
    await requestReconcile(tx, { workspaceId: w.id });
  });
  return getWorkspaceNetwork(ws);
}

async function projectRow(ws: string, project: string) {
  const p = await db().project.findFirst({ where: { name: project, workspace: { name: ws } }, include: { workspace: { select: { name: true, networkIsolated: true } } } });
  if (!p) throw notFound(`Project "${project}"`);
  return p;
}

const DEFAULT_NETWORK: ProjectNetwork = { isolated: false, allow: [] };

/** The project's settings and the NetworkPolicies they generate, as YAML. */
export async function getProjectNetwork(ws: string, project: string) {
  const p = await projectRow(ws, project);
  const network = (p.network as ProjectNetwork | null) ?? DEFAULT_NETWORK;
  const policies = desiredPolicies(p.name, p.workspace.name, p.workspace.networkIsolated, network);
  return { ...network, workspaceIsolated: p.workspace.networkIsolated, yaml: wireYaml(policies) };
}

/** Allow-list entries must name projects on the same cluster and existing workspaces. */
async function checkPeers(clusterId: string, entries: AllowEntry[], path: string) {
  const issues = [];
  for (const [i, e] of entries.entries()) {
    if (e.project && !(await db().project.findFirst({ where: { clusterId, name: e.project }, select: { id: true } })))
      issues.push({ path: `${path}.${i}.project`, message: `No project "${e.project}" on this project's cluster.` });
    if (e.workspace && !(await db().workspace.findUnique({ where: { name: e.workspace }, select: { id: true } })))
      issues.push({ path: `${path}.${i}.workspace`, message: `No workspace "${e.workspace}".` });
  }
  if (issues.length) throw invalid(issues, issues[0]!.message);
}

export async function putProjectNetwork(ws: string, project: string, body: ProjectNetwork) {
  const p = await projectRow(ws, project);
  await checkPeers(p.clusterId, body.allow, "allow");
  await checkPeers(p.clusterId, body.egress?.allow ?? [], "egress.allow");
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: p.id }, data: { network: body } });
    await requestReconcile(tx, { id: p.id });
  });
  return getProjectNetwork(ws, project);
}

/** The matrix over `namespaces` (all of the cluster's when omitted) from the policies in the cluster. */
async function matrixFor(clusterName: string, namespaces?: string[]): Promise<Matrix & { cluster: string }> {
  const cluster = await db().cluster.findUnique({ where: { name: clusterName } });
  if (!cluster) throw notFound(`Cluster "${clusterName}"`);
  const [nsList, policyList] = await Promise.all([
    withTimeout(apiFor(cluster, CoreV1Api).listNamespace({})),
    withTimeout(apiFor(cluster, NetworkingV1Api).listNetworkPolicyForAllNamespaces({})),
  ]).catch((err) => {
    throw new AppError(503, "cluster_unavailable", `Cluster "${clusterName}" did not answer: ${kubeSentence(err, `connectivity of ${clusterName}`)}`);
  });
  const wanted = namespaces && new Set(namespaces);
  const infos = nsList.items
    .filter((n) => !wanted || wanted.has(n.metadata!.name!))
    .map((n) => ({ name: n.metadata!.name!, labels: n.metadata?.labels ?? {} }));
  return { cluster: clusterName, ...connectivityMatrix(infos, policyList.items) };
}

/** A workspace's projects on one cluster (its first when not named). */
export async function workspaceConnectivity(ws: string, cluster?: string) {
  const w = await db().workspace.findUnique({
    where: { name: ws },
    select: { clusters: { select: { cluster: { select: { name: true } } }, orderBy: { cluster: { name: "asc" } } }, projects: { select: { name: true, cluster: { select: { name: true } } } } },
  });
  if (!w) throw notFound(`Workspace "${ws}"`);
  const name = cluster ?? w.clusters[0]?.cluster.name;
  if (!name || !w.clusters.some((c) => c.cluster.name === name)) throw notFound(`Cluster "${cluster}" of workspace "${ws}"`);
  return matrixFor(name, w.projects.filter((p) => p.cluster.name === name).map((p) => p.name));
}

/** Every namespace of a cluster (platform admins). */
export async function clusterConnectivity(cluster?: string) {
  const name = cluster ?? (await db().cluster.findFirst({ orderBy: { name: "asc" }, select: { name: true } }))?.name;
  if (!name) throw notFound("Cluster");
  return matrixFor(name);
}


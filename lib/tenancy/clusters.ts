// Clusters: registration (validated by connecting), health, and views that never carry credentials.
import { CoreV1Api, VersionApi } from "@kubernetes/client-node";
import { Prisma, type Cluster } from "@prisma/client";
import { db } from "../db/client";
import { audited } from "../audit/context";
import { conflict, invalid, notFound } from "../api/errors";
import { seal } from "../crypto/seal";
import { clusterCounts } from "../db/counts";
import { IN_CLUSTER, kubeReason, loadKubeConfig, withTimeout, kubeConfigFor } from "../kube/client";
import { KubeconfigRefused } from "../kube/kubeconfig-safety";
import type { KubeConfig } from "@kubernetes/client-node";
import type { ClusterCreate, ClusterUpdate } from "../schemas/cluster";
import type { ClusterListQuery } from "../schemas/lists";
import { prepared } from "../db/sql";
import { searchSql } from "../db/list";
import { parseSort } from "../api/page";

/** Everything about a cluster a browser may see: no `credentials`, ever. */
export const clusterView = {
  id: true,
  name: true,
  displayName: true,
  labels: true,
  health: true,
  version: true,
  nodeCount: true,
  latencyMs: true,
  lastError: true,
  lastCheckedAt: true,
  auditTokenIssuedAt: true,
  createdAt: true,
} satisfies Prisma.ClusterSelect;

type ClusterRow = Prisma.ClusterGetPayload<{ select: typeof clusterView }>;

async function present(rows: ClusterRow[]) {
  const counts = await clusterCounts(rows.map((c) => c.id));
  return rows.map(({ id, ...rest }) => ({ ...rest, workspaceCount: counts.workspaces.get(id) ?? 0, projectCount: counts.projects.get(id) ?? 0 }));
}
type ClusterDto = Awaited<ReturnType<typeof present>>[number];

/** Every cluster (a platform has few: no paging), narrowed and ordered as the list asks: one statement with its counts. */
export async function listClusters(opts: Partial<ClusterListQuery> = {}): Promise<ClusterDto[]> {
  const sort = parseSort(opts.sort ?? "name");
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (opts.health) where.push(Prisma.sql`c."health" = ${opts.health}`);
  if (opts.q) where.push(searchSql(opts.q, Prisma.sql`c."name"`, Prisma.sql`c."displayName"`));
  const dir = Prisma.raw(sort.desc ? "DESC" : "ASC");
  return prepared.rows<ClusterDto>(Prisma.sql`
    SELECT c."name", c."displayName", c."labels", c."health", c."version", c."nodeCount", c."latencyMs", c."lastError", c."lastCheckedAt",
      c."auditTokenIssuedAt", c."createdAt",
      (SELECT count(*)::int FROM "WorkspaceCluster" wc WHERE wc."clusterId" = c."id") AS "workspaceCount",
      (SELECT count(*)::int FROM "Project" p WHERE p."clusterId" = c."id") AS "projectCount"
    FROM "Cluster" c WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${Prisma.raw(sort.field === "createdAt" ? 'c."createdAt"' : 'c."name"')} ${dir}, c."name" ${dir}`);
}

export async function getCluster(name: string) {
  const c = await db().cluster.findUnique({
    where: { name },
    select: {
      ...clusterView,
      workspaces: { select: { workspace: { select: { name: true, displayName: true } } }, orderBy: { workspace: { name: "asc" } } },
      projects: { select: { name: true, status: true, workspace: { select: { name: true } } }, orderBy: { name: "asc" } },
    },
  });
  if (!c) throw notFound(`Cluster "${name}"`);
  const { workspaces, projects, ...row } = c;
  return {
    ...(await present([row]))[0]!,
    workspaces: workspaces.map((w) => ({
      ...w.workspace,
      projects: projects.filter((p) => p.workspace.name === w.workspace.name).map(({ name: n, status }) => ({ name: n, status })),
    })),
  };
}

export interface Probe {
  version: string;
  nodeCount: number;
  latencyMs: number;
}

/** Connects with the credentials: the server's version and its node count prove both reach and rights. */
export async function probe(kc: KubeConfig): Promise<Probe> {
  const started = performance.now();
  const version = await withTimeout(kc.makeApiClient(VersionApi).getCode());
  const nodes = await withTimeout(kc.makeApiClient(CoreV1Api).listNode());
  return { version: version.gitVersion, nodeCount: nodes.items.length, latencyMs: Math.round(performance.now() - started) };
}

async function validatedCredentials(source: string): Promise<Probe> {
  let kc: KubeConfig;
  try {
    kc = loadKubeConfig(source);
  } catch (err) {
    // Refused before anything was loaded: what would run a command or read a file on the console's host.
    if (err instanceof KubeconfigRefused)
      throw invalid(err.problems.map((problem) => ({ path: "kubeconfig", message: `Not a usable kubeconfig: ${problem}` })), "The kubeconfig was refused: only inline credentials are accepted.");
    throw invalid([{ path: "kubeconfig", message: `Not a usable kubeconfig: ${(err as Error).message}` }], "The kubeconfig could not be read.");
  }
  try {
    return await probe(kc);
  } catch (err) {
    throw invalid([{ path: "kubeconfig", message: `Could not connect: ${kubeReason(err)}` }], "The cluster could not be reached with this kubeconfig.");
  }
}

export async function registerCluster(input: ClusterCreate) {
  if (await db().cluster.findUnique({ where: { name: input.name }, select: { id: true } }))
    throw conflict(`A cluster named "${input.name}" is already registered.`, "already_exists");
  const source = input.inCluster ? IN_CLUSTER : input.kubeconfig!;
  const p = await validatedCredentials(source);
  await audited((tx) => tx.cluster.create({
    data: {
      name: input.name,
      displayName: input.displayName,
      labels: input.labels ?? {},
      credentials: seal(source),
      health: "ready",
      ...p,
      lastCheckedAt: new Date(),
    },
  }));
  return getCluster(input.name);
}

export async function updateCluster(name: string, input: ClusterUpdate) {
  const current = await db().cluster.findUnique({ where: { name }, select: { id: true } });
  if (!current) throw notFound(`Cluster "${name}"`);
  const fresh = input.kubeconfig ? { credentials: seal(input.kubeconfig), health: "ready", lastError: null, lastCheckedAt: new Date(), ...(await validatedCredentials(input.kubeconfig)) } : {};
  await audited((tx) => tx.cluster.update({ where: { id: current.id }, data: { displayName: input.displayName, labels: input.labels, ...fresh } }));
  return getCluster(name);
}

export async function deleteCluster(name: string) {
  const c = await db().cluster.findUnique({ where: { name }, select: { id: true } });
  if (!c) throw notFound(`Cluster "${name}"`);
  const projects = await db().project.count({ where: { clusterId: c.id } });
  if (projects > 0) throw conflict(`Cluster "${name}" still hosts ${projects} project(s).`, "in_use");
  await audited(async (tx) => {
    await tx.workspaceCluster.deleteMany({ where: { clusterId: c.id } });
    await tx.cluster.delete({ where: { id: c.id } });
  });
}

/** Refreshes one cluster's health row; never throws, since a down cluster is a status, not an error. */
export async function checkHealth(cluster: Cluster): Promise<void> {
  try {
    const p = await probe(kubeConfigFor(cluster));
    await db().cluster.updateMany({ where: { id: cluster.id }, data: { ...p, health: "ready", lastError: null, lastCheckedAt: new Date() } });
  } catch (err) {
    await db().cluster.updateMany({ where: { id: cluster.id }, data: { health: "down", lastError: kubeReason(err), latencyMs: null, lastCheckedAt: new Date() } });
  }
}

export async function checkAllClusters(): Promise<void> {
  const clusters = await db().cluster.findMany();
  await Promise.all(clusters.map(checkHealth));
}

// Quotas: a workspace's pool per cluster and each project's share of it (DESIGN §2). The sum of a
// workspace's project quotas on a cluster never exceeds its pool; every check and write for one pool
// runs under a transaction-scoped advisory lock so two concurrent allocations cannot both fit.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { AppError, invalid, notFound, type FieldIssue } from "../api/errors";
import type { Ctx } from "../api/route";
import { add, compare, formatQuantity, parseQuantity, zero } from "@/sim/quantity";
import { canonicalHard, desiredQuota, effectiveHard, PLATFORM_ONLY_KEYS, quotaSources, readQuotaUsage, type Hard } from "../kube/quota";
import { wireYaml } from "../kube/wire";
import { kubeSentence } from "../kube/errors";
import { requestReconcile } from "../kube/controller/enqueue";
import { audited } from "../audit/context";
import type { ProjectQuotaBody, WorkspaceQuotaBody } from "../schemas/quota";

type Tx = Prisma.TransactionClient;
export const hardOf = (json: Prisma.JsonValue | null | undefined): Hard | undefined => (json as { hard?: Hard } | null)?.hard ?? undefined;
/** Keys of a project's quota copied from the workspace's default when it was made, and not changed since. */
const fromDefaultOf = (json: Prisma.JsonValue | null | undefined): string[] => (json as { fromDefault?: string[] } | null)?.fromDefault ?? [];
const q = (v: string) => parseQuantity(v);

export async function lockPool(tx: Tx, workspaceId: string, clusterId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quota:${workspaceId}:${clusterId}`}))`;
}

/** What the workspace's projects on the cluster hold per key (a pooled key a project was not given counts 0). */
export async function allocated(tx: Tx, workspaceId: string, clusterId: string, exceptProjectId?: string): Promise<Hard> {
  const projects = await tx.project.findMany({ where: { workspaceId, clusterId, id: exceptProjectId ? { not: exceptProjectId } : undefined }, select: { quota: true } });
  const sums = new Map<string, ReturnType<typeof zero>>();
  for (const p of projects) for (const [k, v] of Object.entries(hardOf(p.quota) ?? {})) sums.set(k, add(sums.get(k) ?? zero(), q(v)));
  return Object.fromEntries([...sums].map(([k, v]) => [k, formatQuantity(v)]));
}

/** Per pooled key, what is left of the pool once `others` are served (never below 0). */
export function headroom(pool: Hard, others: Hard): Hard {
  return Object.fromEntries(
    Object.entries(pool).map(([k, v]) => {
      const left = q(v).nanos - q(others[k] ?? "0").nanos;
      return [k, formatQuantity({ ...q(v), nanos: left > 0n ? left : 0n })];
    }),
  );
}

/** 422 issues for every pooled key where `requested` plus what others hold exceeds the pool. */
export function overPool(pool: Hard, others: Hard, requested: Hard, path: string): FieldIssue[] {
  return Object.entries(requested)
    .filter(([k]) => k in pool)
    .filter(([k, v]) => compare(add(q(others[k] ?? "0"), q(v)), q(pool[k]!)) > 0)
    .map(([k, v]) => ({ path: `${path}.${k}`, message: `${k}: requested ${v}, but ${others[k] ?? "0"} of the workspace's pool of ${pool[k]} is already allocated to other projects (${formatQuantity({ ...q(pool[k]!), nanos: q(pool[k]!).nanos - q(others[k] ?? "0").nanos })} left).` }));
}

/**
 * Load balancers and node ports expose a tenant beyond the cluster: only platform admins open them (above 0).
 * The one check for what a quota may open, asked for a project's quota and for the workspace's default that
 * every new project starts with, so a default opens nothing the project's own route would refuse. Refused
 * as the project route is, 403, with the keys named at `path`.
 */
export async function requireQuotaOpenings(hard: Hard, path: string, require: Ctx<unknown, unknown, unknown>["require"]): Promise<void> {
  const opened = PLATFORM_ONLY_KEYS.filter((k) => hard[k] !== undefined && q(hard[k]!).nanos > 0n);
  if (!opened.length) return;
  try {
    await require("workspaces.manage", {});
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 403) throw err;
    const issues = opened.map((k) => ({ path: `${path}.${k}`, message: `${k}: only a platform admin opens load balancers and node ports.` }));
    throw new AppError(403, err.code, err.message, issues, err.extra);
  }
}

async function placement(ws: string, cluster: string) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { id: true, clusters: { where: { cluster: { name: cluster } }, select: { cluster: true } } } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  const c = w.clusters[0]?.cluster;
  if (!c) throw notFound(`Cluster "${cluster}" of workspace "${ws}"`);
  return { workspaceId: w.id, cluster: c };
}

export async function getWorkspaceQuota(ws: string, clusterName: string) {
  const { workspaceId, cluster } = await placement(ws, clusterName);
  const pool = await db().workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId, clusterId: cluster.id } } });
  const projects = await db().project.findMany({ where: { workspaceId, clusterId: cluster.id }, select: { name: true, quota: true }, orderBy: { name: "asc" } });
  const poolHard = (pool?.hard as Hard | undefined) ?? {};
  let usage: Awaited<ReturnType<typeof readQuotaUsage>> | null = null;
  let usageError: string | null = null;
  try {
    usage = projects.length ? await readQuotaUsage(cluster, projects.map((p) => p.name)) : [];
  } catch (err) {
    usageError = kubeSentence(err, `quota usage of ${cluster.name}`);
  }
  const used: Hard = {};
  for (const u of usage ?? []) for (const [k, v] of Object.entries(u.used)) used[k] = formatQuantity(add(q(used[k] ?? "0"), q(v)));
  return {
    cluster: cluster.name,
    hard: pool ? poolHard : null,
    defaultProject: (pool?.defaultProject as { hard: Hard } | null) ?? null,
    allocated: await allocated(db(), workspaceId, cluster.id),
    used: usage ? used : null,
    usageError,
    projects: projects.map((p) => ({ name: p.name, hard: effectiveHard(hardOf(p.quota), Object.keys(poolHard)), used: usage?.find((u) => u.namespace === p.name)?.used ?? null })),
  };
}
export type WorkspaceQuotaDto = Awaited<ReturnType<typeof getWorkspaceQuota>>;

export async function listWorkspaceQuotas(ws: string) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { clusters: { select: { cluster: { select: { name: true } } }, orderBy: { cluster: { name: "asc" } } } } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  return Promise.all(w.clusters.map((c) => getWorkspaceQuota(ws, c.cluster.name)));
}

/** One key of a project's quota in effect before and after a change (null: no limit). */
export type QuotaChange = { key: string; before: string | null; after: string | null };

/**
 * What a pool tracking `newKeys` instead of `oldKeys` does to each project's quota in effect: a newly pooled key
 * a project has no share of becomes 0 there (the pool bounds the sum of its projects' quotas, DESIGN §2, and a
 * project without a limit would escape it), so new pods asking for it are refused; a key the pool stops tracking
 * is no longer held at 0.
 */
function poolImpact(projects: { name: string; quota: Prisma.JsonValue }[], oldKeys: string[], newKeys: string[]) {
  return projects
    .map((p) => {
      const [before, after] = [effectiveHard(hardOf(p.quota), oldKeys), effectiveHard(hardOf(p.quota), newKeys)];
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
      const changes = keys.filter((k) => before[k] !== after[k]).map((k): QuotaChange => ({ key: k, before: before[k] ?? null, after: after[k] ?? null }));
      return { project: p.name, changes };
    })
    .filter((p) => p.changes.length);
}

/**
 * Sets the pool and the default project quota, answering which projects' quotas in effect that changes and how.
 * With `dryRun` (as Kubernetes' dryRun) everything is checked and answered the same, and nothing is changed.
 */
export async function putWorkspaceQuota(ws: string, clusterName: string, body: WorkspaceQuotaBody, { dryRun = false } = {}) {
  const { workspaceId, cluster } = await placement(ws, clusterName);
  const hard = canonicalHard(body.hard);
  const defaultProject = body.defaultProject ? { hard: canonicalHard(body.defaultProject.hard) } : null;
  // The audit event says what was done to which projects, and that a dry run was one (filled in below, recorded at commit).
  const request: { dryRun: boolean; changedProjects?: { project: string; changes: QuotaChange[] }[] } = { dryRun };
  const changedProjects = await audited(async (tx) => {
    await lockPool(tx, workspaceId, cluster.id);
    const held = await allocated(tx, workspaceId, cluster.id);
    const issues: FieldIssue[] = Object.entries(hard)
      .filter(([k, v]) => held[k] && compare(q(v), q(held[k]!)) < 0)
      .map(([k, v]) => ({ path: `hard.${k}`, message: `${k}: the pool cannot be lowered to ${v}; its projects already hold ${held[k]}.` }));
    for (const [k, v] of Object.entries(defaultProject?.hard ?? {})) {
      if (k in hard && compare(q(v), q(hard[k]!)) > 0) issues.push({ path: `defaultProject.hard.${k}`, message: `${k}: the default project quota ${v} is larger than the pool ${hard[k]}.` });
    }
    if (issues.length) throw invalid(issues, issues[0]!.message);
    const old = await tx.workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId, clusterId: cluster.id } }, select: { hard: true } });
    const projects = await tx.project.findMany({ where: { workspaceId, clusterId: cluster.id }, select: { name: true, quota: true }, orderBy: { name: "asc" } });
    const impact = poolImpact(projects, Object.keys((old?.hard as Hard | undefined) ?? {}), Object.keys(hard));
    request.changedProjects = impact;
    if (dryRun) return impact;
    const data = { hard, defaultProject: defaultProject ?? Prisma.DbNull };
    await tx.workspaceQuota.upsert({
      where: { workspaceId_clusterId: { workspaceId, clusterId: cluster.id } },
      create: { workspaceId, clusterId: cluster.id, ...data },
      update: data,
    });
    await requestReconcile(tx, { workspaceId, clusterId: cluster.id });
    return impact;
  }, request);
  const now = await getWorkspaceQuota(ws, clusterName);
  // A dry run answers the pool as it would be: the same figures, the new pool, each project's quota after it.
  const view = dryRun
    ? { ...now, hard, defaultProject, projects: now.projects.map((p) => ({ ...p, hard: applyChanges(p.hard, changedProjects.find((c) => c.project === p.name)?.changes ?? []) })) }
    : now;
  return { ...view, dryRun, changedProjects };
}

const applyChanges = (hard: Hard, changes: QuotaChange[]): Hard =>
  canonicalHard({ ...Object.fromEntries(Object.entries(hard).filter(([k]) => !changes.some((c) => c.key === k && c.after === null))), ...Object.fromEntries(changes.filter((c) => c.after !== null).map((c) => [c.key, c.after!])) });

export async function deleteWorkspaceQuota(ws: string, clusterName: string) {
  const { workspaceId, cluster } = await placement(ws, clusterName);
  await db().$transaction(async (tx) => {
    await tx.workspaceQuota.deleteMany({ where: { workspaceId, clusterId: cluster.id } });
    await requestReconcile(tx, { workspaceId, clusterId: cluster.id });
  });
}

/** The quota a new project starts with on a cluster where its workspace has a pool: the default if it fits, else nothing (zero for pooled keys). */
export async function initialProjectQuota(tx: Tx, workspaceId: string, clusterId: string): Promise<{ hard: Hard; fromDefault: string[] } | undefined> {
  const pool = await tx.workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId, clusterId } } });
  const wanted = (pool?.defaultProject as { hard: Hard } | null)?.hard;
  if (!pool || !wanted) return undefined;
  await lockPool(tx, workspaceId, clusterId);
  const issues = overPool(pool.hard as Hard, await allocated(tx, workspaceId, clusterId), wanted, "quota");
  if (issues.length) throw invalid(issues, `The workspace's default project quota no longer fits its pool: ${issues[0]!.message}`);
  return { hard: wanted, fromDefault: Object.keys(wanted) };
}

async function projectRow(ws: string, project: string) {
  const p = await db().project.findFirst({ where: { name: project, workspace: { name: ws } }, include: { cluster: true } });
  if (!p) throw notFound(`Project "${project}"`);
  return p;
}

export async function getProjectQuota(ws: string, project: string) {
  const p = await projectRow(ws, project);
  const pool = await db().workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId: p.workspaceId, clusterId: p.clusterId } } });
  let used: Hard | null = null;
  let usageError: string | null = null;
  try {
    used = (await readQuotaUsage(p.cluster, [p.name]))[0]?.used ?? null;
  } catch (err) {
    usageError = kubeSentence(err, `quota usage of ${p.cluster.name}/${p.name}`);
  }
  const poolHard = (pool?.hard as Hard | undefined) ?? {};
  const poolKeys = Object.keys(poolHard);
  const effective = effectiveHard(hardOf(p.quota), poolKeys);
  const others = pool ? await allocated(db(), p.workspaceId, p.clusterId, p.id) : {};
  return {
    hard: hardOf(p.quota) ?? {},
    effective,
    /** Per key in effect: set here, or inherited (the workspace's default, its pool, Tenantry's built-in counts). */
    sources: quotaSources(hardOf(p.quota), fromDefaultOf(p.quota), poolKeys),
    pool: pool ? poolHard : null,
    /** Per pooled key, the most this project's quota may be: the pool less what the workspace's other projects hold. */
    headroom: pool ? headroom(poolHard, others) : null,
    used,
    usageError,
    /** The ResourceQuota the cluster gets, as YAML the API server takes. */
    yaml: wireYaml([desiredQuota(p.name, effective)]),
  };
}

export async function putProjectQuota(ws: string, project: string, body: ProjectQuotaBody) {
  const p = await projectRow(ws, project);
  const hard = canonicalHard(body.hard);
  await db().$transaction(async (tx) => {
    await lockPool(tx, p.workspaceId, p.clusterId);
    const pool = await tx.workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId: p.workspaceId, clusterId: p.clusterId } } });
    if (pool) {
      const issues = overPool(pool.hard as Hard, await allocated(tx, p.workspaceId, p.clusterId, p.id), hard, "hard");
      if (issues.length) throw invalid(issues, issues[0]!.message);
    }
    // A value copied from the workspace's default stays marked as such while it is unchanged.
    const before = hardOf(p.quota) ?? {};
    const fromDefault = fromDefaultOf(p.quota).filter((k) => hard[k] !== undefined && hard[k] === before[k]);
    await tx.project.update({ where: { id: p.id }, data: { quota: { hard, ...(fromDefault.length ? { fromDefault } : {}) } } });
    await requestReconcile(tx, { id: p.id });
  });
  return getProjectQuota(ws, project);
}

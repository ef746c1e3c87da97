// Makes each cluster match the database, project by project, and records the outcome as status.
// A cluster that is down only marks its projects `error`; the next pass catches up.
import { db } from "../db/client";
import { kubeReason, type ClusterCredentials } from "./client";
import { ensureNamespace, removeNamespace } from "./namespace";
import { ensureAdmissionPolicy } from "./admission-policy";
import { effectiveHard, ensureQuota, type Hard } from "./quota";
import { desiredLimitItem, ensureLimits, type Limits } from "./limits";
import { desiredPolicies, ensurePolicies } from "./network";
import type { ProjectNetwork } from "../schemas/network";
import { desiredRoleBinding, ensureClusterRoles, ensureRoleBindings, kubeRoleFor, type KubeRole } from "./rbac";
import { grantFor } from "../rbac/roles";
import type { V1RoleBinding } from "@kubernetes/client-node";

export type ReconcileOutcome = "ready" | "error" | "terminating" | "gone" | "missing";

export async function reconcileProject(id: string): Promise<ReconcileOutcome> {
  const p = await db().project.findUnique({
    where: { id },
    include: { cluster: true, workspace: { select: { name: true, networkIsolated: true, nodeSelector: true, quotas: { select: { clusterId: true, hard: true } } } } },
  });
  if (!p) return "missing";
  try {
    if (p.status === "terminating") {
      if (!(await removeNamespace(p.cluster, p.name))) return "terminating";
      await db().project.delete({ where: { id } });
      return "gone";
    }
    const ws = p.workspace;
    await ensureNamespace(p.cluster, ws.name, p.name, { podSecurity: p.podSecurity, nodeSelector: ws.nodeSelector as Record<string, string> | null });
    await ensureClusterObjects(p.cluster);
    // The namespaced objects are independent of each other: one round trip's latency for all of them.
    const pool = ws.quotas.find((q) => q.clusterId === p.clusterId);
    const hard = effectiveHard((p.quota as { hard?: Hard } | null)?.hard, Object.keys((pool?.hard as Hard | undefined) ?? {}));
    await Promise.all([
      desiredBindings(p.id, p.workspaceId, p.name).then((b) => ensureRoleBindings(p.cluster, p.name, b)),
      ensureQuota(p.cluster, p.name, hard),
      ensureLimits(p.cluster, p.name, desiredLimitItem((p.limits as Limits | null) ?? undefined, hard)),
      ensurePolicies(p.cluster, p.name, desiredPolicies(p.name, ws.name, ws.networkIsolated, (p.network as ProjectNetwork | null) ?? undefined)),
    ]);
    if (p.status !== "ready" || p.statusMessage) await setStatus(id, "ready", null);
    return "ready";
  } catch (err) {
    const reason = kubeReason(err);
    if (p.status === "terminating") await setStatus(id, "terminating", reason);
    else await setStatus(id, "error", reason);
    return p.status === "terminating" ? "terminating" : "error";
  }
}

const inFlight = new Map<string, Promise<void>>();

/** Cluster-wide objects (ClusterRoles, the admission policy): one check per cluster at a time, however many
 *  of its projects reconcile concurrently, so they never race each other into 409s. */
function ensureClusterObjects(cluster: ClusterCredentials): Promise<void> {
  let running = inFlight.get(cluster.id);
  if (!running) {
    running = (async () => {
      await ensureClusterRoles(cluster);
      await ensureAdmissionPolicy(cluster);
    })().finally(() => inFlight.delete(cluster.id));
    inFlight.set(cluster.id, running);
  }
  return running;
}

const RANK: Record<KubeRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** One RoleBinding per person with cluster rights here: project members, and workspace members whose
 *  role covers every project (as authorize() lets them in the console). The stronger role wins. */
async function desiredBindings(projectId: string, workspaceId: string, namespace: string): Promise<V1RoleBinding[]> {
  const [projectMembers, wsMembers] = await Promise.all([
    db().projectMember.findMany({ where: { projectId }, select: { role: true, user: { select: { username: true, status: true } } } }),
    db().workspaceMember.findMany({ where: { workspaceId }, select: { role: true, user: { select: { username: true, status: true } } } }),
  ]);
  const roles = new Map<string, KubeRole>();
  const grant = (username: string, role: KubeRole | undefined) => {
    const had = roles.get(username);
    if (role && (!had || RANK[role] > RANK[had])) roles.set(username, role);
  };
  for (const m of wsMembers) {
    if (m.user.status !== "active") continue;
    const perms = (await grantFor("workspace", workspaceId, m.role)).permissions;
    grant(m.user.username, perms.has("projects.manage") ? "admin" : perms.has("projects.view") ? "viewer" : undefined);
  }
  for (const m of projectMembers) {
    if (m.user.status !== "active") continue;
    grant(m.user.username, kubeRoleFor((await grantFor("project", projectId, m.role)).permissions));
  }
  return [...roles].sort(([a], [b]) => a.localeCompare(b)).map(([username, role]) => desiredRoleBinding(namespace, username, role));
}

async function setStatus(id: string, status: "ready" | "error" | "terminating", statusMessage: string | null) {
  await db().project.updateMany({ where: { id }, data: { status, statusMessage } });
}

/** One pass over every project (or a workspace's), a few at a time so one slow cluster does not serialise the rest. */
export async function reconcileAll(concurrency = 8, workspaceId?: string): Promise<Record<ReconcileOutcome, number>> {
  const ids = (await db().project.findMany({ where: { workspaceId }, select: { id: true }, orderBy: { createdAt: "asc" } })).map((p) => p.id);
  const counts: Record<ReconcileOutcome, number> = { ready: 0, error: 0, terminating: 0, gone: 0, missing: 0 };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) counts[await reconcileProject(ids[next++]!)]++;
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return counts;
}

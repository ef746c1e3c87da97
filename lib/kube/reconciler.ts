// Reconcile(key) for one project, as a controller-runtime Reconciler: reads what the database wants, compares
// it with what the cluster has and writes only the differences, then records the outcome as status and the
// generation it applied. Idempotent; run by lib/kube/controller for each key its queue hands out. Given the
// controller's watch cache it sends nothing when nothing drifted; without one it reads the cluster first.
import { db } from "../db/client";
import { type ClusterCredentials } from "./client";
import { kubeSentence } from "./errors";
import { ensureNamespace, removeNamespace } from "./namespace";
import { ensureAdmissionPolicy, POLICY_NAME } from "./admission-policy";
import { effectiveHard, ensureQuota, type Hard } from "./quota";
import { desiredLimitItem, ensureLimits, type Limits } from "./limits";
import { desiredPolicies, ensurePolicies } from "./network";
import type { ProjectNetwork } from "../schemas/network";
import { desiredRoleBinding, ensureClusterRoles, ensurePlatformBinding, ensureRoleBindings, kubeRoleFor, PLATFORM_BINDING, type KubeRole } from "./rbac";
import { grantsFor, roleKey, type RoleKey } from "../rbac/roles";
import { live } from "../tenancy/expiry";
import type { V1RoleBinding } from "@kubernetes/client-node";
import type { ClusterCache } from "./controller/cache";

export type ReconcileOutcome = "ready" | "error" | "terminating" | "gone" | "missing";

/** `read` hears the generation of the project this pass applies, once it has read it. */
export async function reconcileProject(clusterId: string, name: string, cache?: ClusterCache, read?: (generation: number) => void): Promise<ReconcileOutcome> {
  const p = await db().project.findUnique({
    where: { clusterId_name: { clusterId, name } },
    include: { cluster: true, workspace: { select: { name: true, networkIsolated: true, nodeSelector: true, quotas: { select: { clusterId: true, hard: true } } } } },
  });
  if (!p) return "missing";
  read?.(p.generation);
  try {
    if (p.status === "terminating") {
      if (!(await removeNamespace(p.cluster, p.name, cache && (cache.namespaces.get(undefined, p.name) ?? null)))) return "terminating";
      await db().project.delete({ where: { id: p.id } });
      return "gone";
    }
    const ws = p.workspace;
    const iso = { podSecurity: p.podSecurity, nodeSelector: ws.nodeSelector as Record<string, string> | null };
    await ensureNamespace(p.cluster, ws.name, p.name, iso, cache?.namespaces.view(undefined, p.name));
    if (!cache) await ensureClusterObjects(p.cluster);
    // The namespaced objects are independent of each other: one round trip's latency for all of them.
    const pool = ws.quotas.find((q) => q.clusterId === p.clusterId);
    const hard = effectiveHard((p.quota as { hard?: Hard } | null)?.hard, Object.keys((pool?.hard as Hard | undefined) ?? {}));
    await Promise.all([
      desiredBindings(p.id, p.workspaceId, p.name).then((b) => ensureRoleBindings(p.cluster, p.name, b, cache?.bindings.view(p.name))),
      ensureQuota(p.cluster, p.name, hard, cache?.quotas.view(p.name)),
      ensureLimits(p.cluster, p.name, desiredLimitItem((p.limits as Limits | null) ?? undefined, hard), cache?.limits.view(p.name)),
      ensurePolicies(p.cluster, p.name, desiredPolicies(p.name, ws.name, ws.networkIsolated, (p.network as ProjectNetwork | null) ?? undefined), cache?.policies.view(p.name)),
    ]);
    await setStatus(p, "ready", null);
    return "ready";
  } catch (err) {
    await setStatus(p, p.status === "terminating" ? "terminating" : "error", kubeSentence(err, `reconcile ${p.cluster.name}/${p.name}`));
    throw err;
  }
}

const inFlight = new Map<string, Promise<void>>();

/** Cluster-wide objects (ClusterRoles, the platform viewers' binding, the admission policy): one check per cluster at a time, however many
 *  of its projects reconcile concurrently, so they never race each other into 409s. */
export function ensureClusterObjects(cluster: ClusterCredentials, cache?: ClusterCache): Promise<void> {
  let running = inFlight.get(cluster.id);
  if (!running) {
    running = (async () => {
      await ensureClusterRoles(cluster, cache && ((name) => cache.clusterRoles.get(undefined, name)));
      await ensurePlatformBinding(cluster, cache && (() => cache.clusterRoleBindings.get(undefined, PLATFORM_BINDING)));
      await ensureAdmissionPolicy(cluster, cache && { policy: cache.admissionPolicies.get(undefined, POLICY_NAME), binding: cache.admissionBindings.get(undefined, POLICY_NAME) });
    })().finally(() => inFlight.delete(cluster.id));
    inFlight.set(cluster.id, running);
  }
  return running;
}

const RANK: Record<KubeRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** One RoleBinding per person with cluster rights here: project members, and workspace members whose
 *  role covers every project (as authorize() lets them in the console). The stronger role wins. A membership
 *  that has ended (or whose workspace membership has) binds nothing, even before the expiry step deletes it. */
async function desiredBindings(projectId: string, workspaceId: string, namespace: string): Promise<V1RoleBinding[]> {
  const now = new Date();
  const [projectMembers, wsMembers] = await Promise.all([
    db().projectMember.findMany({ where: { projectId, ...live(now) }, select: { role: true, user: { select: { username: true, status: true } } } }),
    db().workspaceMember.findMany({ where: { workspaceId, ...live(now) }, select: { role: true, user: { select: { username: true, status: true } } } }),
  ]);
  const inWorkspace = new Set(wsMembers.map((m) => m.user.username));
  // Every custom role among them in one query, however many members hold one.
  const keys: RoleKey[] = [...wsMembers.map((m) => ({ level: "workspace" as const, scopeId: workspaceId, role: m.role })), ...projectMembers.map((m) => ({ level: "project" as const, scopeId: projectId, role: m.role }))];
  const grants = await grantsFor(keys);
  const permissionsOf = (k: RoleKey) => grants.get(roleKey(k))!.permissions;
  const roles = new Map<string, KubeRole>();
  const grant = (username: string, role: KubeRole | undefined) => {
    const had = roles.get(username);
    if (role && (!had || RANK[role] > RANK[had])) roles.set(username, role);
  };
  for (const m of wsMembers) {
    if (m.user.status !== "active") continue;
    const perms = permissionsOf({ level: "workspace", scopeId: workspaceId, role: m.role });
    grant(m.user.username, perms.has("projects.manage") ? "admin" : perms.has("projects.view") ? "viewer" : undefined);
  }
  for (const m of projectMembers) {
    if (m.user.status !== "active" || !inWorkspace.has(m.user.username)) continue;
    grant(m.user.username, kubeRoleFor(permissionsOf({ level: "project", scopeId: projectId, role: m.role })));
  }
  return [...roles].sort(([a], [b]) => a.localeCompare(b)).map(([username, role]) => desiredRoleBinding(namespace, username, role));
}

interface Observed { id: string; status: string; statusMessage: string | null; generation: number; observedGeneration: number }

/** Writes status only when it changes, so a steady reconcile costs the database one read; and only if the
 *  project is still at the generation this pass read: a change meanwhile (a delete, say) is not overwritten
 *  with the outcome of the state before it, and its own pass (the key is queued again) writes its status. */
async function setStatus(p: Observed, status: "ready" | "error" | "terminating", statusMessage: string | null) {
  if (p.status === status && p.statusMessage === statusMessage && p.observedGeneration === p.generation) return;
  await db().project.updateMany({ where: { id: p.id, generation: p.generation }, data: { status, statusMessage, observedGeneration: p.generation } });
}

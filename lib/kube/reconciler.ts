// Reconcile(key) for one project, as a controller-runtime Reconciler: reads what the database wants, compares
// it with the controller's watch cache of what the cluster has and writes only the differences, then records the
// outcome as status and the generation it applied. Idempotent; run by lib/kube/controller for each key its queue
// hands out; sends nothing when nothing drifted. Without a cache (the benchmark's old polling pass) it reads the
// cluster first.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { prepared } from "../db/sql";
import { type ClusterCredentials } from "./client";
import { kubeSentence } from "./errors";
import { ensureNamespace, removeNamespace } from "./namespace";
import { ensureAdmissionPolicy, POLICY_NAME } from "./admission-policy";
import { effectiveHard, ensureQuota } from "./quota";
import { desiredLimitItem, ensureLimits } from "./limits";
import { desiredPolicies, ensurePolicies } from "./network";
import { desiredRoleBinding, ensureClusterRoles, ensurePlatformBinding, ensureRoleBindings, kubeRoleFor, PLATFORM_BINDING, type KubeRole } from "./rbac";
import { roleTemplates, type Level } from "../rbac/catalogue";
import { projectState, type MemberGrant, type ProjectState } from "./project-state";
import type { V1RoleBinding } from "@kubernetes/client-node";
import type { ClusterCache } from "./controller/cache";

export type ReconcileOutcome = "ready" | "error" | "terminating" | "gone" | "missing";

/** `read` hears the generation of the project this pass applies, once it has read it. */
export async function reconcileProject(cluster: ClusterCredentials & { name: string }, name: string, cache?: ClusterCache, read?: (generation: number) => void): Promise<ReconcileOutcome> {
  const p = await projectState(cluster.id, name);
  if (!p) return "missing";
  read?.(p.generation);
  try {
    if (p.status === "terminating") {
      if (!(await removeNamespace(cluster, p.name, cache && (cache.namespaces.get(undefined, p.name) ?? null)))) return "terminating";
      await db().project.delete({ where: { id: p.id } });
      return "gone";
    }
    await ensureNamespace(cluster, p.workspace, p.name, { podSecurity: p.podSecurity, nodeSelector: p.nodeSelector }, cache?.namespaces.view(undefined, p.name));
    if (!cache) await ensureClusterObjects(cluster);
    // The namespaced objects are independent of each other: one round trip's latency for all of them.
    const hard = effectiveHard(p.quota?.hard, Object.keys(p.pool ?? {}));
    await Promise.all([
      ensureRoleBindings(cluster, p.name, desiredBindings(p), cache?.bindings.view(p.name)),
      ensureQuota(cluster, p.name, hard, cache?.quotas.view(p.name)),
      ensureLimits(cluster, p.name, desiredLimitItem(p.limits ?? undefined, hard), cache?.limits.view(p.name)),
      ensurePolicies(cluster, p.name, desiredPolicies(p.name, p.workspace, p.networkIsolated, p.network ?? undefined), cache?.policies.view(p.name)),
    ]);
    await setStatus(p, "ready", null);
    return "ready";
  } catch (err) {
    await setStatus(p, p.status === "terminating" ? "terminating" : "error", kubeSentence(err, `reconcile ${cluster.name}/${p.name}`));
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
 *  role covers every project (as authorize() lets them in the console). The stronger role wins. Only memberships
 *  in force are read (projectState), so one that has ended binds nothing, even before the expiry step deletes it. */
function desiredBindings(p: ProjectState): V1RoleBinding[] {
  const permissionsOf = (level: Level, m: MemberGrant) => new Set(roleTemplates(level, m.role, m.templates));
  const inWorkspace = new Set(p.workspaceMembers.map((m) => m.username));
  const roles = new Map<string, KubeRole>();
  const grant = (username: string, role: KubeRole | undefined) => {
    const had = roles.get(username);
    if (role && (!had || RANK[role] > RANK[had])) roles.set(username, role);
  };
  for (const m of p.workspaceMembers) {
    if (!m.active) continue;
    const perms = permissionsOf("workspace", m);
    grant(m.username, perms.has("projects.manage") ? "admin" : perms.has("projects.view") ? "viewer" : undefined);
  }
  for (const m of p.projectMembers) {
    if (!m.active || !inWorkspace.has(m.username)) continue;
    grant(m.username, kubeRoleFor(permissionsOf("project", m)));
  }
  return [...roles].sort(([a], [b]) => a.localeCompare(b)).map(([username, role]) => desiredRoleBinding(p.name, username, role));
}

interface Observed { id: string; status: string; statusMessage: string | null; generation: number; observedGeneration: number }

/** Writes status only when it changes, so a steady reconcile costs the database one read; and only if the
 *  project is still at the generation this pass read: a change meanwhile (a delete, say) is not overwritten
 *  with the outcome of the state before it, and its own pass (the key is queued again) writes its status. */
async function setStatus(p: Observed, status: "ready" | "error" | "terminating", statusMessage: string | null) {
  if (p.status === status && p.statusMessage === statusMessage && p.observedGeneration === p.generation) return;
  await prepared.rows(Prisma.sql`
    UPDATE "Project" SET "status" = ${status}::"ProjectStatus", "statusMessage" = ${statusMessage}, "observedGeneration" = ${p.generation}, "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "id" = ${p.id}::uuid AND "generation" = ${p.generation}`);
}

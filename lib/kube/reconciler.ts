// Makes each cluster match the database, project by project, and records the outcome as status.
// A cluster that is down only marks its projects `error`; the next pass catches up.
import { db } from "../db/client";
import { kubeReason } from "./client";
import { ensureNamespace, removeNamespace } from "./namespace";
import { desiredRoleBinding, ensureClusterRoles, ensureRoleBindings, kubeRoleFor, type KubeRole } from "./rbac";
import { grantFor } from "../rbac/roles";
import type { V1RoleBinding } from "@kubernetes/client-node";

export type ReconcileOutcome = "ready" | "error" | "terminating" | "gone" | "missing";

export async function reconcileProject(id: string): Promise<ReconcileOutcome> {
  const p = await db().project.findUnique({ where: { id }, include: { cluster: true, workspace: { select: { name: true } } } });
  if (!p) return "missing";
  try {
    if (p.status === "terminating") {
      if (!(await removeNamespace(p.cluster, p.name))) return "terminating";
      await db().project.delete({ where: { id } });
      return "gone";
    }
    await ensureNamespace(p.cluster, p.workspace.name, p.name);
    await ensureClusterRoles(p.cluster);
    await ensureRoleBindings(p.cluster, p.name, await desiredBindings(p.id, p.workspaceId, p.name));
    if (p.status !== "ready" || p.statusMessage) await setStatus(id, "ready", null);
    return "ready";
  } catch (err) {
    const reason = kubeReason(err);
    if (p.status === "terminating") await setStatus(id, "terminating", reason);
    else await setStatus(id, "error", reason);
    return p.status === "terminating" ? "terminating" : "error";
  }
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

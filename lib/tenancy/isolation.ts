// Physical isolation: a project's Pod Security Admission level and a workspace's node pool. Both land on
// the namespace (lib/kube/namespace.ts) through the reconciler.
import { db } from "../db/client";
import { notFound } from "../api/errors";
import { requestReconcile } from "../kube/controller/enqueue";
import type { PodSecurityLevel } from "../schemas/quota";

export async function getPodSecurity(ws: string, project: string) {
  const p = await db().project.findFirst({ where: { name: project, workspace: { name: ws } }, select: { podSecurity: true } });
  if (!p) throw notFound(`Project "${project}"`);
  return { level: p.podSecurity as PodSecurityLevel };
}

/** Callers lowering the level below `restricted` must be platform admins (checked by the route). */
export async function putPodSecurity(ws: string, project: string, level: PodSecurityLevel) {
  const p = await db().project.findFirst({ where: { name: project, workspace: { name: ws } }, select: { id: true } });
  if (!p) throw notFound(`Project "${project}"`);
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: p.id }, data: { podSecurity: level } });
    await requestReconcile(tx, { id: p.id });
  });
  return getPodSecurity(ws, project);
}

export async function getNodeSelector(ws: string) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { nodeSelector: true } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  return { nodeSelector: (w.nodeSelector as Record<string, string> | null) ?? {} };
}

export async function putNodeSelector(ws: string, nodeSelector: Record<string, string>) {
  const w = await db().workspace.findUnique({ where: { name: ws }, select: { id: true } });
  if (!w) throw notFound(`Workspace "${ws}"`);
  await db().$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: w.id }, data: { nodeSelector } });
    await requestReconcile(tx, { workspaceId: w.id });
  });
  return getNodeSelector(ws);
}

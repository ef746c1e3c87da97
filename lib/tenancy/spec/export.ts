// GET …/spec: the workspace as it is stored, in the document's form. Only the sections the caller may view are
// included (a section left out is one a PUT leaves alone), so exporting and applying back is always a no-op.
import type { Prisma } from "@prisma/client";
import { db } from "../../db/client";
import type { Hard } from "../../kube/quota";
import type { Scope } from "../../rbac/authorize";
import type { Permission } from "../../rbac/catalogue";
import type { LimitsBody, PodSecurityLevel } from "../../schemas/quota";
import type { ProjectNetwork } from "../../schemas/network";
import { live } from "../expiry";
import { hardOf } from "../quotas";
import { SPEC_API_VERSION } from "./document";
import { DEFAULT_NETWORK, normalLimits, normalMember, normalQuota, normalRole, type ProjectJson, type SpecBody, type SpecJson } from "./normalize";

/** Whether the caller may view `permission` at `scope`; everything when absent (the applier's own view). */
export type Can = (permission: Permission, scope: Scope) => Promise<boolean>;

// Memberships in force now (an ended one is gone for authorization already; the expiry step deletes it).
const memberRows = () => ({ where: live(), select: { role: true, expiresAt: true, user: { select: { username: true } } }, orderBy: { user: { username: "asc" } } }) as const;
type MemberRow = { role: string; expiresAt: Date | null; user: { username: string } };
const toMembers = (rows: MemberRow[]) => rows.map((m) => normalMember({ username: m.user.username, role: m.role, expiresAt: m.expiresAt }));
const toRoles = (rows: { name: string; displayName: string | null; description: string | null; templates: string[] }[]) => rows.map(normalRole);

export async function exportSpec(ws: string, can: Can = async () => true): Promise<SpecJson | null> {
  const w = await db().workspace.findUnique({
    where: { name: ws },
    select: {
      id: true,
      displayName: true,
      description: true,
      networkIsolated: true,
      nodeSelector: true,
      clusters: { select: { cluster: { select: { name: true } } } },
      members: memberRows(),
      quotas: { select: { hard: true, defaultProject: true, cluster: { select: { name: true } } } },
    },
  });
  if (!w) return null;
  const scope = { workspace: ws };
  const spec: SpecBody = {
    ...(w.displayName ? { displayName: w.displayName } : {}),
    ...(w.description ? { description: w.description } : {}),
    clusters: w.clusters.map((c) => c.cluster.name).sort(),
  };
  if (await can("workspace-members.view", scope)) spec.members = toMembers(w.members);
  if (await can("workspace-roles.view", scope))
    spec.roles = toRoles(await db().customRole.findMany({ where: { level: "workspace", scopeId: w.id }, orderBy: { name: "asc" } }));
  if (await can("workspace-quotas.view", scope))
    spec.quotas = w.quotas
      .map((q) => normalQuota({ cluster: q.cluster.name, hard: (q.hard as Hard | null) ?? {}, defaultProject: q.defaultProject as { hard: Hard } | null }))
      .sort((a, b) => a.cluster.localeCompare(b.cluster));
  if (await can("workspace-network.view", scope)) spec.network = { isolated: w.networkIsolated };
  spec.nodeSelector = (w.nodeSelector as Record<string, string> | null) ?? {};
  // All of them or none: a partial list would read as "delete the others" when applied back.
  if (await can("projects.view", scope)) spec.projects = await exportProjects(w.id, ws, can);
  return { apiVersion: SPEC_API_VERSION, kind: "Workspace", metadata: { name: ws }, spec };
}

/** The workspace's projects (one being deleted is on its way out, not part of the spec); `only`: just that one. */
export async function exportProjects(workspaceId: string, ws: string, can: Can = async () => true, only?: string): Promise<ProjectJson[]> {
  const where: Prisma.ProjectWhereInput = { workspaceId, status: { not: "terminating" }, ...(only ? { name: only } : {}) };
  const rows = await db().project.findMany({
    where,
    orderBy: { name: "asc" },
    select: { id: true, name: true, quota: true, limits: true, network: true, podSecurity: true, cluster: { select: { name: true } }, members: memberRows() },
  });
  const roles = await db().customRole.findMany({ where: { level: "project", scopeId: { in: rows.map((p) => p.id) } }, orderBy: { name: "asc" } });
  const out: ProjectJson[] = [];
  for (const p of rows) {
    const scope = { workspace: ws, project: p.name };
    out.push({
      name: p.name,
      cluster: p.cluster.name,
      ...((await can("project-members.view", scope)) ? { members: toMembers(p.members) } : {}),
      ...((await can("project-roles.view", scope)) ? { roles: toRoles(roles.filter((r) => r.scopeId === p.id)) } : {}),
      ...((await can("project-quota.view", scope)) ? { quota: { hard: hardOf(p.quota) ?? {} }, limits: normalLimits(p.limits as LimitsBody | null) } : {}),
      ...((await can("project-network.view", scope)) ? { network: (p.network as ProjectNetwork | null) ?? DEFAULT_NETWORK } : {}),
      ...((await can("project-settings.view", scope)) ? { podSecurity: p.podSecurity as PodSecurityLevel } : {}),
    });
  }
  return out;
}

// Audit search: newest first, keyset-paginated on the sequence number, limited to what the caller may see.
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import type { AuditQuery } from "../schemas/audit";
import type { Principal } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";

/** The tenant boundary of the audit log: everything for platform auditors, else the caller's scopes. */
export async function visibleScopes(principal: Principal): Promise<Prisma.AuditEventWhereInput | null> {
  if (principal.platform.permissions.has("audit.view")) return {};
  const [wsMembers, projectMembers] = await Promise.all([
    db().workspaceMember.findMany({ where: { userId: principal.userId }, select: { role: true, workspaceId: true, workspace: { select: { name: true } } } }),
    db().projectMember.findMany({ where: { userId: principal.userId }, select: { role: true, projectId: true, project: { select: { name: true, workspace: { select: { name: true } } } } } }),
  ]);
  const scopes: Prisma.AuditEventWhereInput[] = [];
  for (const m of wsMembers) {
    if ((await grantFor("workspace", m.workspaceId, m.role)).permissions.has("workspace-audit.view")) scopes.push({ workspace: m.workspace.name });
  }
  for (const m of projectMembers) {
    if ((await grantFor("project", m.projectId, m.role)).permissions.has("project-audit.view"))
      scopes.push({ workspace: m.project.workspace.name, project: m.project.name });
  }
  return scopes.length ? { OR: scopes } : null;
}

function filters(q: AuditQuery): Prisma.AuditEventWhereInput[] {
  const status = q.status?.endsWith("xx") ? Number(q.status[0]) * 100 : q.status ? Number(q.status) : undefined;
  const user = q.user?.endsWith("*") ? { startsWith: q.user.slice(0, -1) } : q.user;
  return [
    q.from || q.to ? { receivedAt: { gte: q.from, lte: q.to } } : {},
    user ? { username: user } : {},
    q.workspace ? { workspace: q.workspace } : {},
    q.project ? { project: q.project } : {},
    q.cluster ? { cluster: q.cluster } : {},
    q.resource ? { resource: q.resource } : {},
    q.name ? { name: { contains: q.name } } : {},
    q.verb ? { OR: [{ verb: q.verb }, { action: q.verb }] } : {},
    status !== undefined ? (q.status!.endsWith("xx") ? { statusCode: { gte: status, lt: status + 100 } } : { statusCode: status }) : {},
    q.outcome ? { outcome: q.outcome } : {},
    q.ip ? { sourceIp: q.ip } : {},
    q.source ? { source: q.source } : {},
    q.q ? { OR: [{ action: { contains: q.q } }, { name: { contains: q.q } }, { reason: { contains: q.q, mode: "insensitive" } }, { username: { contains: q.q } }] } : {},
    q.cursor ? { seq: { lt: BigInt(q.cursor) } } : {},
  ];
}

export async function searchAudit(principal: Principal, q: AuditQuery) {
  const scope = await visibleScopes(principal);
  if (!scope) return { items: [], nextCursor: null };
  const rows = await db().auditEvent.findMany({
    where: { AND: [scope, ...filters(q)] },
    orderBy: { seq: "desc" },
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map(({ seq, prevHash: _p, hash: _h, ...e }) => ({ ...e, seq: seq.toString() }));
  return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.seq : null };
}

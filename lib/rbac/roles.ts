// Resolves a role name at a level to its permissions: built-in roles from the catalogue,
// custom roles from the database.
import { db } from "../db/client";
import { builtinRole, type Level } from "./catalogue";
import type { Grant } from "./authorize";

/** scopeId: "" for platform, else the workspace or project id (CustomRole.scopeId). */
export async function grantFor(level: Level, scopeId: string, role: string): Promise<Grant> {
  const builtin = builtinRole(level, role);
  if (builtin) return { role, permissions: new Set(builtin.templates) };
  const custom = await db().customRole.findUnique({
    where: { level_scopeId_name: { level, scopeId, name: role } },
    select: { templates: true },
  });
  return { role, permissions: new Set(custom?.templates ?? []) };
}

/** grantFor() for many memberships of one level at once: one query for all their custom roles. */
export async function grantsFor(level: Level, memberships: { scopeId: string; role: string }[]): Promise<Grant[]> {
  const custom = memberships.filter((m) => !builtinRole(level, m.role));
  const rows = custom.length
    ? await db().customRole.findMany({ where: { level, OR: custom.map((m) => ({ scopeId: m.scopeId, name: m.role })) }, select: { scopeId: true, name: true, templates: true } })
    : [];
  const templates = new Map(rows.map((r) => [`${r.scopeId}/${r.name}`, r.templates]));
  return memberships.map(({ scopeId, role }) => ({
    role,
    permissions: new Set(builtinRole(level, role)?.templates ?? templates.get(`${scopeId}/${role}`) ?? []),
  }));
}

// Resolves a role name at a level to its permissions: built-in roles from the catalogue,
// custom roles from the database.
import { db } from "../db/client";
import { builtinRole, roleTemplates, type Level } from "./catalogue";
import type { Grant } from "./authorize";

/** scopeId: "" for platform, else the workspace or project id (CustomRole.scopeId). */
export async function grantFor(level: Level, scopeId: string, role: string): Promise<Grant> {
  // A built-in name needs no query: roleTemplates() would choose the built-in anyway.
  const custom = builtinRole(level, role)
    ? null
    : await db().customRole.findUnique({ where: { level_scopeId_name: { level, scopeId, name: role } }, select: { templates: true } });
  return { role, permissions: new Set(roleTemplates(level, role, custom?.templates)) };
}

export interface RoleKey {
  level: Level;
  scopeId: string;
  role: string;
}
export const roleKey = (k: RoleKey) => `${k.level}|${k.scopeId}|${k.role}`;

/** Many roles at once: built-ins from the catalogue, every custom one in a single query. Keyed by roleKey(). */
export async function grantsFor(keys: RoleKey[]): Promise<Map<string, Grant>> {
  const out = new Map<string, Grant>();
  const custom = keys.filter((k) => !builtinRole(k.level, k.role));
  const rows = custom.length
    ? await db().customRole.findMany({
        where: { OR: custom.map((k) => ({ level: k.level, scopeId: k.scopeId, name: k.role })) },
        select: { level: true, scopeId: true, name: true, templates: true },
      })
    : [];
  const customTemplates = new Map(rows.map((r) => [roleKey({ level: r.level, scopeId: r.scopeId, role: r.name }), r.templates]));
  for (const k of keys) out.set(roleKey(k), { role: k.role, permissions: new Set(roleTemplates(k.level, k.role, customTemplates.get(roleKey(k)))) });
  return out;
}

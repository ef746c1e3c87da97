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

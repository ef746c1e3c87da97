// Roles at each level: the built-in ones from the catalogue plus custom ones composed of templates.
import { db } from "../db/client";
import { audited } from "../audit/context";
import { conflict, invalid, notFound } from "../api/errors";
import { builtinRole, builtinRoles, templatesByName, withDependencies, type Level } from "../rbac/catalogue";
import { assertCovers } from "../rbac/escalation";
import type { Principal } from "../rbac/authorize";
import type { RoleBody, RoleUpdate } from "../schemas/rbac";
import type { ScopeRef } from "./scope";
import { requestReconcile } from "../kube/controller/enqueue";

export interface RoleDto {
  name: string;
  level: Level;
  displayName: string | null;
  description: string | null;
  builtIn: boolean;
  templates: string[];
  memberCount: number;
}

/** How many bindings use each role name at the scope. */
async function usage(ref: ScopeRef): Promise<Map<string, number>> {
  const rows =
    ref.level === "platform"
      ? await db().user.groupBy({ by: ["platformRole"], _count: true }).then((r) => r.map((x) => [x.platformRole, x._count] as const))
      : ref.level === "workspace"
        ? await db().workspaceMember.groupBy({ by: ["role"], where: { workspaceId: ref.workspaceId }, _count: true }).then((r) => r.map((x) => [x.role, x._count] as const))
        : await db().projectMember.groupBy({ by: ["role"], where: { projectId: ref.projectId }, _count: true }).then((r) => r.map((x) => [x.role, x._count] as const));
  return new Map(rows);
}

export async function listRoles(ref: ScopeRef): Promise<RoleDto[]> {
  const [custom, used] = await Promise.all([
    db().customRole.findMany({ where: { level: ref.level, scopeId: ref.scopeId }, orderBy: { name: "asc" } }),
    usage(ref),
  ]);
  const builtins: RoleDto[] = builtinRoles
    .filter((r) => r.level === ref.level)
    .map((r) => ({ name: r.name, level: r.level, displayName: r.displayName.en, description: r.description.en, builtIn: true, templates: r.templates, memberCount: used.get(r.name) ?? 0 }));
  return [
    ...builtins,
    ...custom.map((c) => ({ name: c.name, level: c.level, displayName: c.displayName, description: c.description, builtIn: false, templates: c.templates, memberCount: used.get(c.name) ?? 0 })),
  ];
}

export async function getRole(ref: ScopeRef, name: string): Promise<RoleDto> {
  const role = (await listRoles(ref)).find((r) => r.name === name);
  if (!role) throw notFound(`Role "${name}"`);
  return role;
}

/** The role's templates, checked against the level and completed with their dependencies. */
function validTemplates(level: Level, names: string[]): string[] {
  const issues = names.flatMap((n, i) => {
    const t = templatesByName.get(n);
    if (!t) return [{ path: `templates.${i}`, message: `No template named "${n}".` }];
    if (t.level !== level) return [{ path: `templates.${i}`, message: `"${n}" is a ${t.level} template, not a ${level} one.` }];
    return [];
  });
  if (issues.length) throw invalid(issues);
  return [...withDependencies(names)].sort();
}

export async function createRole(ref: ScopeRef, actor: Principal, body: RoleBody): Promise<RoleDto> {
  if (builtinRole(ref.level, body.name)) throw conflict(`"${body.name}" is a built-in role.`, "already_exists");
  const templates = validTemplates(ref.level, body.templates);
  assertCovers(actor, ref.level, ref.scope, templates);
  const exists = await db().customRole.findUnique({ where: { level_scopeId_name: { level: ref.level, scopeId: ref.scopeId, name: body.name } } });
  if (exists) throw conflict(`A role named "${body.name}" already exists here.`, "already_exists");
  await audited((tx) => tx.customRole.create({
    data: {
      level: ref.level,
      scopeId: ref.scopeId,
      name: body.name,
      displayName: body.displayName,
      description: body.description,
      templates,
      workspaceId: ref.level === "workspace" ? ref.workspaceId : undefined,
      projectId: ref.level === "project" ? ref.projectId : undefined,
    },
  }));
  return getRole(ref, body.name);
}

async function customRoleOrThrow(ref: ScopeRef, name: string) {
  if (builtinRole(ref.level, name)) throw conflict(`"${name}" is a built-in role; it cannot be changed or deleted.`, "builtin_role");
  const role = await db().customRole.findUnique({ where: { level_scopeId_name: { level: ref.level, scopeId: ref.scopeId, name } } });
  if (!role) throw notFound(`Role "${name}"`);
  return role;
}

export async function updateRole(ref: ScopeRef, actor: Principal, name: string, body: RoleUpdate): Promise<RoleDto> {
  const role = await customRoleOrThrow(ref, name);
  const templates = validTemplates(ref.level, body.templates);
  // Changing a role changes what its holders hold: the actor must cover what it grants now and what it will.
  assertCovers(actor, ref.level, ref.scope, [...role.templates, ...templates]);
  await audited(async (tx) => {
    await tx.customRole.update({ where: { id: role.id }, data: { displayName: body.displayName ?? null, description: body.description ?? null, templates } });
    // Its holders' cluster rights follow its templates.
    if (ref.level !== "platform") await requestReconcile(tx, ref.level === "workspace" ? { workspaceId: ref.workspaceId } : { id: ref.projectId });
  });
  return getRole(ref, name);
}

export async function deleteRole(ref: ScopeRef, actor: Principal, name: string): Promise<void> {
  const role = await customRoleOrThrow(ref, name);
  assertCovers(actor, ref.level, ref.scope, role.templates);
  const inUse = (await usage(ref)).get(name) ?? 0;
  if (inUse) throw conflict(`Role "${name}" is bound to ${inUse} member(s); give them another role first.`, "in_use");
  await audited((tx) => tx.customRole.delete({ where: { id: role.id } }));
}

/** Whether a role name exists at the scope (built-in or custom). */
export async function roleExists(ref: ScopeRef, name: string): Promise<boolean> {
  if (builtinRole(ref.level, name)) return true;
  return (await db().customRole.count({ where: { level: ref.level, scopeId: ref.scopeId, name } })) > 0;
}

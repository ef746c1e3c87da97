// /roles and /roles/{role} at each level.
import { route } from "../route";
import { roleBody, roleName, roleUpdate } from "../../schemas/rbac";
import { createRole, deleteRole, getRole, listRoles, updateRole } from "../../tenancy/roles";
import { resolveScope } from "../../tenancy/scope";
import { withName, type LevelSpec } from "./scoped";
import { listOf, roleOut } from "../../schemas/responses";

export function roleCollection<P>(spec: LevelSpec<P>) {
  const base = { params: spec.params, scope: (p: P) => spec.scope(p), resource: "roles" };
  return {
    GET: route({ ...base, action: `${spec.level}-role.list`, permission: `${spec.module}-roles.view`, response: listOf(roleOut) }, async ({ params }) => ({
      items: await listRoles(await resolveScope(spec.scope(params))),
    })),
    POST: route(
      { ...base, action: `${spec.level}-role.create`, permission: `${spec.module}-roles.manage`, body: roleBody, status: 201, response: roleOut, target: (_p, b) => ({ name: b.name }) },
      async ({ params, body, principal }) => createRole(await resolveScope(spec.scope(params)), principal, body),
    ),
  };
}

export function roleItem<P>(spec: LevelSpec<P>) {
  const params = withName(spec, "role", roleName);
  const base = { params, scope: (p: P) => spec.scope(p), resource: "roles", target: (p: { role: string }) => ({ name: p.role }) };
  return {
    GET: route({ ...base, action: `${spec.level}-role.get`, permission: `${spec.module}-roles.view`, response: roleOut }, async ({ params }) =>
      getRole(await resolveScope(spec.scope(params)), params.role),
    ),
    PUT: route({ ...base, action: `${spec.level}-role.update`, permission: `${spec.module}-roles.manage`, body: roleUpdate, response: roleOut }, async ({ params, body, principal }) =>
      updateRole(await resolveScope(spec.scope(params)), principal, params.role, body),
    ),
    DELETE: route({ ...base, action: `${spec.level}-role.delete`, permission: `${spec.module}-roles.manage`, status: 204 }, async ({ params, principal }) => {
      await deleteRole(await resolveScope(spec.scope(params)), principal, params.role);
    }),
  };
}

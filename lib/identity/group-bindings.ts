// Group bindings: a provider group is made member of a workspace or project with a role. What they do
// at sign-in is lib/identity/binding-grants.ts. Creating one grants its role to whoever is in the group, and
// deleting one takes it back from them: both need the actor to cover that role at the binding's scope.
import { db } from "../db/client";
import { AppError, invalid, notFound } from "../api/errors";
import { resolveScope, type ScopeRef } from "../tenancy/scope";
import { roleExists } from "../tenancy/roles";
import type { BindingBody } from "../schemas/identity";
import { providerRow } from "./providers";
import { withdrawBindings } from "./binding-grants";
import { assertCoversHoldings } from "../rbac/covers-principal";
import type { Principal } from "../rbac/authorize";
import { audited } from "../audit/context";

const holding = (ref: ScopeRef, role: string) => ({ level: ref.level, scope: ref.scope, scopeId: ref.scopeId, workspaceId: ref.workspaceId, role });
/** What a binding gives: its role, and for a project the bare workspace membership it may add (binding-grants.ts). */
const gives = (ref: ScopeRef, role: string) =>
  ref.level === "project"
    ? [holding(ref, role), holding({ level: "workspace", scope: { workspace: ref.scope.workspace }, scopeId: ref.workspaceId!, workspaceId: ref.workspaceId }, "regular")]
    : [holding(ref, role)];

export async function listBindings(providerName: string) {
  const p = await providerRow(providerName);
  return db().groupBinding.findMany({ where: { providerId: p.id }, orderBy: [{ group: "asc" }, { workspace: "asc" }, { project: "asc" }] });
}

export async function createBinding(actor: Principal, providerName: string, b: BindingBody) {
  const p = await providerRow(providerName);
  const ref = await resolveScope({ workspace: b.workspace, project: b.project || undefined });
  if (!(await roleExists(ref, b.role))) throw invalid([{ path: "role", message: `No ${ref.level} role named "${b.role}".` }]);
  await assertCoversHoldings(actor, `group "${b.group}"`, gives(ref, b.role));
  return db().groupBinding.create({ data: { providerId: p.id, group: b.group, workspace: b.workspace, project: b.project ?? "", role: b.role, expiresAt: b.expiresAt ?? null } });
}

/** Changes when a binding ends (null: never), and with it the memberships it granted. Extending it grants its
 *  role for longer, so the actor must cover what it gives, as to create it. */
export async function changeBinding(actor: Principal, providerName: string, id: string, expiresAt: Date | null) {
  const p = await providerRow(providerName);
  const b = await db().groupBinding.findFirst({ where: { id, providerId: p.id }, include: { grants: { select: { userId: true } } } });
  if (!b) throw notFound("The group binding");
  const ref = await resolveScope({ workspace: b.workspace, project: b.project || undefined });
  await assertCoversHoldings(actor, `group "${b.group}"`, gives(ref, b.role));
  const userIds = b.grants.map((g) => g.userId);
  return audited(async (tx) => {
    if (ref.level === "project") await tx.projectMember.updateMany({ where: { projectId: ref.projectId, userId: { in: userIds }, role: b.role }, data: { expiresAt } });
    else await tx.workspaceMember.updateMany({ where: { workspaceId: ref.workspaceId, userId: { in: userIds }, role: b.role, viaBindings: false }, data: { expiresAt } });
    return tx.groupBinding.update({ where: { id }, data: { expiresAt } });
  });
}

export async function deleteBinding(actor: Principal, providerName: string, id: string) {
  const p = await providerRow(providerName);
  const b = await db().groupBinding.findFirst({ where: { id, providerId: p.id } });
  if (!b) throw notFound("The group binding");
  // A binding whose workspace or project is gone grants nothing any more; anyone managing settings may tidy it.
  const ref = await resolveScope({ workspace: b.workspace, project: b.project || undefined }).catch((e) => {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  });
  if (ref) await assertCoversHoldings(actor, `group "${b.group}"`, [holding(ref, b.role)]);
  await withdrawBindings({ id });
  await db().groupBinding.delete({ where: { id } });
}

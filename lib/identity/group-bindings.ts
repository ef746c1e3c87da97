// Group bindings: a provider group is made member of a workspace or project with a role. What they do
// at sign-in is lib/identity/binding-grants.ts.
import { db } from "../db/client";
import { invalid, notFound } from "../api/errors";
import { resolveScope } from "../tenancy/scope";
import { roleExists } from "../tenancy/roles";
import type { BindingBody } from "../schemas/identity";
import { providerRow } from "./providers";
import { withdrawBindings } from "./binding-grants";

export async function listBindings(providerName: string) {
  const p = await providerRow(providerName);
  return db().groupBinding.findMany({ where: { providerId: p.id }, orderBy: [{ group: "asc" }, { workspace: "asc" }, { project: "asc" }] });
}

export async function createBinding(providerName: string, b: BindingBody) {
  const p = await providerRow(providerName);
  const ref = await resolveScope({ workspace: b.workspace, project: b.project || undefined });
  if (!(await roleExists(ref, b.role))) throw invalid([{ path: "role", message: `No ${ref.level} role named "${b.role}".` }]);
  return db().groupBinding.create({ data: { providerId: p.id, group: b.group, workspace: b.workspace, project: b.project ?? "", role: b.role } });
}

export async function deleteBinding(providerName: string, id: string) {
  const p = await providerRow(providerName);
  if (!(await db().groupBinding.findFirst({ where: { id, providerId: p.id }, select: { id: true } }))) throw notFound("The group binding");
  await withdrawBindings({ id });
  await db().groupBinding.delete({ where: { id } });
}

// ★ Group bindings: a provider group is made member of a workspace or project with a role. At each
// sign-in the user's memberships follow their groups: missing ones are added, and those a binding
// added earlier are taken back when the group is gone (unless someone changed the role since).
import { db } from "../db/client";
import { invalid, notFound } from "../api/errors";
import { record } from "../audit/record";
import { resolveScope } from "../tenancy/scope";
import { roleExists } from "../tenancy/roles";
import type { BindingBody } from "../schemas/identity";
import { providerRow } from "./providers";

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
  const { count } = await db().groupBinding.deleteMany({ where: { id, providerId: p.id } });
  if (!count) throw notFound("The group binding");
}

type Binding = Awaited<ReturnType<typeof listBindings>>[number];

/** Membership target of a binding, or null when its workspace or project is gone. */
async function target(b: Binding) {
  const ws = await db().workspace.findUnique({ where: { name: b.workspace }, select: { id: true } });
  if (!ws || !b.project) return ws ? { workspaceId: ws.id, projectId: null } : null;
  const p = await db().project.findUnique({ where: { workspaceId_name: { workspaceId: ws.id, name: b.project } }, select: { id: true } });
  return p ? { workspaceId: ws.id, projectId: p.id } : null;
}

async function grant(userId: string, b: Binding): Promise<boolean> {
  const t = await target(b);
  if (!t) return false;
  const ws = { workspaceId_userId: { workspaceId: t.workspaceId, userId } };
  const inWorkspace = await db().workspaceMember.findUnique({ where: ws });
  if (!t.projectId) {
    if (inWorkspace) return false; // an existing membership (and its role) is left alone
    await db().workspaceMember.create({ data: { workspaceId: t.workspaceId, userId, role: b.role } });
  } else {
    if (await db().projectMember.findUnique({ where: { projectId_userId: { projectId: t.projectId, userId } } })) return false;
    // A project's members must be members of its workspace: the least workspace role does.
    if (!inWorkspace) await db().workspaceMember.create({ data: { workspaceId: t.workspaceId, userId, role: "regular" } });
    await db().projectMember.create({ data: { projectId: t.projectId, userId, role: b.role } });
  }
  await db().bindingGrant.create({ data: { userId, bindingId: b.id } });
  return true;
}

async function takeBack(userId: string, b: Binding): Promise<void> {
  const t = await target(b);
  if (t?.projectId) await db().projectMember.deleteMany({ where: { projectId: t.projectId, userId, role: b.role } });
  else if (t) await db().workspaceMember.deleteMany({ where: { workspaceId: t.workspaceId, userId, role: b.role } });
  await db().bindingGrant.delete({ where: { userId_bindingId: { userId, bindingId: b.id } } });
}

/** Makes the user's binding-granted memberships match `groups`; audited per change. */
export async function syncGroupBindings(user: { id: string; username: string }, providerId: string, groups: string[]): Promise<void> {
  const bindings = await db().groupBinding.findMany({ where: { providerId } });
  const granted = new Set((await db().bindingGrant.findMany({ where: { userId: user.id, binding: { providerId } } })).map((g) => g.bindingId));
  for (const b of bindings) {
    const wanted = groups.includes(b.group);
    let changed = false;
    if (wanted && !granted.has(b.id)) changed = await grant(user.id, b);
    else if (!wanted && granted.has(b.id)) {
      await takeBack(user.id, b);
      changed = true;
    }
    if (changed)
      await record({
        action: wanted ? "group-binding.grant" : "group-binding.revoke",
        verb: wanted ? "create" : "delete",
        resource: b.project ? "projectmembers" : "workspacemembers",
        name: user.username,
        workspace: b.workspace,
        project: b.project || null,
        username: user.username,
        outcome: "success",
        statusCode: 200,
        reason: `group "${b.group}" → ${b.role}`,
      });
  }
}

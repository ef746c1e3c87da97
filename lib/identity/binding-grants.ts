// ★ Group bindings at work: at each sign-in the user's memberships follow their groups. Missing ones are
// added; those a binding added are taken back when the group is gone (unless someone changed the role
// since), and all of a binding's at once when the binding itself goes. A project binding needs a workspace
// membership: when the user has none, the least role ("regular") is added, marked as the bindings' own,
// and removed once no project of that workspace holds the user. Direct memberships are never touched.
import type { GroupBinding } from "@prisma/client";
import { db } from "../db/client";
import { record } from "../audit/record";
import { projectsOfUser, requestReconcile } from "../kube/controller/enqueue";
import { live } from "../tenancy/expiry";

type User = { id: string; username: string };

/** Membership target of a binding, or null when its workspace or project is gone. */
async function target(b: GroupBinding) {
  const ws = await db().workspace.findUnique({ where: { name: b.workspace }, select: { id: true } });
  if (!ws || !b.project) return ws ? { workspaceId: ws.id, projectId: null } : null;
  const p = await db().project.findUnique({ where: { workspaceId_name: { workspaceId: ws.id, name: b.project } }, select: { id: true } });
  return p ? { workspaceId: ws.id, projectId: p.id } : null;
}

async function grant(userId: string, b: GroupBinding): Promise<boolean> {
  const t = await target(b);
  if (!t) return false;
  const ws = { workspaceId_userId: { workspaceId: t.workspaceId, userId } };
  const inWorkspace = await db().workspaceMember.findUnique({ where: ws });
  if (!t.projectId) {
    // An existing membership (and its role) is left alone, but for the bare one bindings added for projects.
    if (inWorkspace && !inWorkspace.viaBindings) return false;
    await db().workspaceMember.upsert({ where: ws, create: { workspaceId: t.workspaceId, userId, role: b.role, expiresAt: b.expiresAt }, update: { role: b.role, viaBindings: false, expiresAt: b.expiresAt } });
  } else {
    if (await db().projectMember.findUnique({ where: { projectId_userId: { projectId: t.projectId, userId } } })) return false;
    // A project's members must be members of its workspace: the least workspace role does.
    if (!inWorkspace) await db().workspaceMember.create({ data: { workspaceId: t.workspaceId, userId, role: "regular", viaBindings: true } });
    // What a binding grants ends when it does (lib/tenancy/expiry.ts); the bare workspace membership goes with its projects.
    await db().projectMember.create({ data: { projectId: t.projectId, userId, role: b.role, expiresAt: b.expiresAt } });
  }
  await db().bindingGrant.create({ data: { userId, bindingId: b.id } });
  return true;
}

async function takeBack(userId: string, b: GroupBinding): Promise<void> {
  const t = await target(b);
  if (t?.projectId) await db().projectMember.deleteMany({ where: { projectId: t.projectId, userId, role: b.role } });
  else if (t) {
    const where = { workspaceId: t.workspaceId, userId, role: b.role };
    // Projects of the workspace still holding the user keep them in it, as a bare membership tidy() ends later.
    if (await db().projectMember.count({ where: { userId, project: { workspaceId: t.workspaceId } } }))
      await db().workspaceMember.updateMany({ where, data: { role: "regular", viaBindings: true } });
    else await db().workspaceMember.deleteMany({ where });
  }
  await db().bindingGrant.delete({ where: { userId_bindingId: { userId, bindingId: b.id } } });
}

/** Ends the bare workspace memberships bindings added for projects once no project there holds the user. */
async function tidy(user: User, actor: string): Promise<void> {
  const bare = await db().workspaceMember.findMany({
    where: { userId: user.id, viaBindings: true, workspace: { projects: { none: { members: { some: { userId: user.id } } } } } },
    select: { workspaceId: true, workspace: { select: { name: true } } },
  });
  if (!bare.length) return;
  await db().workspaceMember.deleteMany({ where: { userId: user.id, viaBindings: true, workspaceId: { in: bare.map((m) => m.workspaceId) } } });
  for (const m of bare) await note(user, actor, "revoke", { workspace: m.workspace.name, project: "" }, "no bound project of the workspace holds the user");
}

function note(user: User, actor: string, change: "grant" | "revoke", where: Pick<GroupBinding, "workspace" | "project">, reason: string) {
  return record({
    action: `group-binding.${change}`,
    verb: change === "grant" ? "create" : "delete",
    resource: where.project ? "projectmembers" : "workspacemembers",
    name: user.username,
    workspace: where.workspace,
    project: where.project || null,
    username: actor,
    outcome: "success",
    statusCode: 200,
    reason,
  });
}

const because = (b: GroupBinding) => `group "${b.group}" → ${b.role}`;

/** Makes the user's binding-granted memberships match `groups`; audited per change. */
export async function syncGroupBindings(user: User, providerId: string, groups: string[]): Promise<void> {
  const bindings = await db().groupBinding.findMany({ where: { providerId, ...live() } });
  const granted = new Set((await db().bindingGrant.findMany({ where: { userId: user.id, binding: { providerId } } })).map((g) => g.bindingId));
  const revoked = bindings.filter((x) => granted.has(x.id) && !groups.includes(x.group));
  const added = bindings.filter((x) => !granted.has(x.id) && groups.includes(x.group));
  const changes = revoked.length + added.length > 0;
  // The user's RoleBindings follow: in the projects they leave (marked before) and those they join (after).
  if (changes) await requestReconcile(db(), projectsOfUser(user.id));
  // Take-backs first, so a workspace binding can take over a bare membership a lost project binding leaves.
  for (const b of revoked) {
    await takeBack(user.id, b);
    await note(user, user.username, "revoke", b, because(b));
  }
  for (const b of added) if (await grant(user.id, b)) await note(user, user.username, "grant", b, because(b));
  await tidy(user, user.username);
  if (changes) await requestReconcile(db(), projectsOfUser(user.id));
}

/** Before bindings are deleted (one, or a provider's): take back what they granted, now. */
export async function withdrawBindings(where: { id: string } | { providerId: string }): Promise<void> {
  const actor = "system:group-bindings";
  for (const b of await db().groupBinding.findMany({ where, include: { grants: { include: { user: { select: { id: true, username: true } } } } } })) {
    for (const { user } of b.grants) {
      await requestReconcile(db(), projectsOfUser(user.id));
      await takeBack(user.id, b);
      await note(user, actor, "revoke", b, `${because(b)}, binding removed`);
      await tidy(user, actor);
    }
  }
}

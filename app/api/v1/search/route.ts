// Global search (⌘K): workspaces, projects and users matching q, each list only what the caller may see.
import { z } from "zod";
import { route } from "@/lib/api/route";
import { searchOut } from "@/lib/schemas/responses";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/like";
import { authorize, coversEveryWorkspace, type Principal } from "@/lib/rbac/authorize";
import { grantFor } from "@/lib/rbac/roles";
import { listWorkspaces } from "@/lib/tenancy/workspaces";
import { liveProjectMember, liveWorkspaceMember } from "@/lib/tenancy/expiry";

const query = z.object({ q: z.string().trim().max(100).default(""), limit: z.coerce.number().int().min(1).max(20).default(5) });

/** Projects the caller sees: all for platform viewers, else those of workspaces whose role views every project, plus their own. */
async function projectFilter(p: Principal) {
  if (coversEveryWorkspace(p, "projects.view")) return {};
  const memberships = await db().workspaceMember.findMany({ where: liveWorkspaceMember(p.userId), select: { role: true, workspaceId: true } });
  const whole: string[] = [];
  for (const m of memberships) {
    const grant = await grantFor("workspace", m.workspaceId, m.role);
    if (grant.permissions.has("projects.view") || grant.permissions.has("projects.manage")) whole.push(m.workspaceId);
  }
  return { OR: [{ workspaceId: { in: whole } }, { members: { some: liveProjectMember(p.userId) } }] };
}

export const GET = route({ action: "search", permission: "authenticated", resource: "search", query, response: searchOut }, async ({ principal, query: { q, limit } }) => {
  if (!q) return { workspaces: [], projects: [], users: [] };
  const text = (field: string) => ({ [field]: containsText(q, "insensitive") });
  const [workspaces, projects, users] = await Promise.all([
    listWorkspaces(principal, { q, limit }),
    projectFilter(principal).then((visible) =>
      db().project.findMany({
        where: { AND: [visible, { OR: [text("name"), text("displayName")] }] },
        orderBy: { name: "asc" },
        take: limit,
        select: { name: true, displayName: true, status: true, workspace: { select: { name: true } } },
      }),
    ),
    authorize(principal, "users.view").allowed
      ? db().user.findMany({ where: { OR: [text("username"), text("displayName"), text("email")] }, orderBy: { username: "asc" }, take: limit, select: { username: true, displayName: true } })
      : [],
  ]);
  return {
    workspaces: workspaces.items.map((w) => ({ name: w.name, displayName: w.displayName })),
    projects: projects.map((p) => ({ name: p.name, displayName: p.displayName, status: p.status, workspace: p.workspace.name })),
    users,
  };
});

export * from "@/lib/api/unanswered";

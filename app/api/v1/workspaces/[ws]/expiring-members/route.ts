// The workspace's memberships that end by themselves, soonest first: for its admins' overview. Project
// memberships are included for those whose workspace role sees every project's members.
import { route } from "@/lib/api/route";
import { authorize } from "@/lib/rbac/authorize";
import { workspaceLevel } from "@/lib/api/handlers/scoped";
import { resolveScope } from "@/lib/tenancy/scope";
import { timeBoundMemberships } from "@/lib/tenancy/expiry";
import { expiringMemberOut, listOf } from "@/lib/schemas/responses";

export const GET = route(
  { action: "workspace-member.expiring", permission: "workspace-members.view", resource: "members", params: workspaceLevel.params, scope: workspaceLevel.scope, response: listOf(expiringMemberOut) },
  async ({ params, principal }) => {
    const ref = await resolveScope({ workspace: params.ws });
    // No project is loaded into the principal here: only a workspace or platform role can allow this.
    const projects = authorize(principal, "project-members.view", { workspace: params.ws, project: "*" }).allowed;
    return { items: await timeBoundMemberships({ workspaceId: ref.workspaceId!, projects }) };
  },
);

export * from "@/lib/api/unanswered";

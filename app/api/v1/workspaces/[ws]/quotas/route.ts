import { route } from "@/lib/api/route";
import { listOf, workspaceQuotaOut } from "@/lib/schemas/responses";
import { workspaceParams } from "@/lib/schemas/workspace";
import { listWorkspaceQuotas } from "@/lib/tenancy/quotas";

/** The workspace's pool on each of its clusters, with allocation and usage. */
export const GET = route(
  { action: "workspace.quota.list", permission: "workspace-quotas.view", resource: "quotas", params: workspaceParams, response: listOf(workspaceQuotaOut), scope: (p) => ({ workspace: p.ws }) },
  async ({ params }) => ({ items: await listWorkspaceQuotas(params.ws) }),
);

export * from "@/lib/api/unanswered";

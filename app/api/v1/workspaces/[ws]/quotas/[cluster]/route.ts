import { route } from "@/lib/api/route";
import { workspaceQuotaChangeOut, workspaceQuotaOut } from "@/lib/schemas/responses";
import { dryRunQuery, isDryRun, quotaParams, workspaceQuotaBody } from "@/lib/schemas/quota";
import { deleteWorkspaceQuota, getWorkspaceQuota, putWorkspaceQuota, requireQuotaOpenings } from "@/lib/tenancy/quotas";

const base = {
  resource: "quotas",
  params: quotaParams,
  scope: (p: { ws: string }) => ({ workspace: p.ws }),
  target: (p: { cluster: string }) => ({ name: p.cluster, cluster: p.cluster }),
} as const;

export const GET = route({ ...base, action: "workspace.quota.get", permission: "workspace-quotas.view", response: workspaceQuotaOut }, async ({ params }) => getWorkspaceQuota(params.ws, params.cluster));

/** Answers which projects' quotas in effect change and how (`changedProjects`); `?dryRun=true` only answers. */
export const PUT = route({ ...base, action: "workspace.quota.update", permission: "workspace-quotas.manage", body: workspaceQuotaBody, query: dryRunQuery, response: workspaceQuotaChangeOut }, async ({ params, body, query, require }) => {
  // The default becomes each new project's quota: it may open only what the project quota route lets the caller open.
  if (body.defaultProject) await requireQuotaOpenings(body.defaultProject.hard, "defaultProject.hard", require);
  return putWorkspaceQuota(params.ws, params.cluster, body, { dryRun: isDryRun(query) });
});

export const DELETE = route({ ...base, action: "workspace.quota.delete", permission: "workspace-quotas.manage", status: 204 }, async ({ params }) => {
  await deleteWorkspaceQuota(params.ws, params.cluster);
});

export * from "@/lib/api/unanswered";

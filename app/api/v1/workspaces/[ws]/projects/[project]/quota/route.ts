import { route } from "@/lib/api/route";
import { projectQuotaOut } from "@/lib/schemas/responses";
import { projectParams } from "@/lib/schemas/project";
import { projectQuotaBody } from "@/lib/schemas/quota";
import { getProjectQuota, putProjectQuota, requireQuotaOpenings } from "@/lib/tenancy/quotas";

const base = {
  resource: "resourcequotas",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: "tenantry-quota", namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.quota.get", permission: "project-quota.view", response: projectQuotaOut }, async ({ params }) => getProjectQuota(params.ws, params.project));

export const PUT = route({ ...base, action: "project.quota.update", permission: "project-quota.manage", body: projectQuotaBody, response: projectQuotaOut }, async ({ params, body, require }) => {
  await requireQuotaOpenings(body.hard, "hard", require);
  return putProjectQuota(params.ws, params.project, body);
});

export * from "@/lib/api/unanswered";

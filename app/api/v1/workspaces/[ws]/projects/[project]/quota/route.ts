import { route } from "@/lib/api/route";
import { projectParams } from "@/lib/schemas/project";
import { projectQuotaBody } from "@/lib/schemas/quota";
import { PLATFORM_ONLY_KEYS } from "@/lib/kube/quota";
import { parseQuantity } from "@/sim/quantity";
import { getProjectQuota, putProjectQuota } from "@/lib/tenancy/quotas";

const base = {
  resource: "resourcequotas",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: "tenantry-quota", namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.quota.get", permission: "project-quota.view" }, async ({ params }) => getProjectQuota(params.ws, params.project));

export const PUT = route({ ...base, action: "project.quota.update", permission: "project-quota.manage", body: projectQuotaBody }, async ({ params, body, require }) => {
  // Load balancers and node ports expose a tenant beyond the cluster: only platform admins open them.
  if (PLATFORM_ONLY_KEYS.some((k) => body.hard[k] !== undefined && parseQuantity(body.hard[k]!).nanos > 0n)) await require("workspaces.manage", {});
  return putProjectQuota(params.ws, params.project, body);
});

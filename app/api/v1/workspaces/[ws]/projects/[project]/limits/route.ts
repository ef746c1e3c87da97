import { route } from "@/lib/api/route";
import { limitsOut } from "@/lib/schemas/responses";
import { projectParams } from "@/lib/schemas/project";
import { limitsBody } from "@/lib/schemas/quota";
import { getLimits, putLimits } from "@/lib/tenancy/quotas-limits";

const base = {
  resource: "limitranges",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: "tenantry-limits", namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.limits.get", permission: "project-quota.view", response: limitsOut }, async ({ params }) => getLimits(params.ws, params.project));

export const PUT = route({ ...base, action: "project.limits.update", permission: "project-quota.manage", body: limitsBody, response: limitsOut }, async ({ params, body }) =>
  putLimits(params.ws, params.project, body),
);

export * from "@/lib/api/unanswered";

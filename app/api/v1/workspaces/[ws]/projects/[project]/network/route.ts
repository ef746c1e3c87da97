import { route } from "@/lib/api/route";
import { projectParams } from "@/lib/schemas/project";
import { projectNetworkBody } from "@/lib/schemas/network";
import { getProjectNetwork, putProjectNetwork } from "@/lib/tenancy/network";

const base = {
  resource: "networkpolicies",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.network.get", permission: "project-network.view" }, async ({ params }) => getProjectNetwork(params.ws, params.project));

export const PUT = route({ ...base, action: "project.network.update", permission: "project-network.manage", body: projectNetworkBody }, async ({ params, body }) =>
  putProjectNetwork(params.ws, params.project, body),
);

import { route } from "@/lib/api/route";
import { projectNetworkOut } from "@/lib/schemas/responses";
import { projectParams } from "@/lib/schemas/project";
import { projectNetworkBody } from "@/lib/schemas/network";
import { getProjectNetwork, putProjectNetwork } from "@/lib/tenancy/network";

const base = {
  resource: "networkpolicies",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.network.get", permission: "project-network.view", response: projectNetworkOut }, async ({ params }) => getProjectNetwork(params.ws, params.project));

export const PUT = route({ ...base, action: "project.network.update", permission: "project-network.manage", body: projectNetworkBody, response: projectNetworkOut }, async ({ params, body }) =>
  putProjectNetwork(params.ws, params.project, body),
);

export * from "@/lib/api/unanswered";

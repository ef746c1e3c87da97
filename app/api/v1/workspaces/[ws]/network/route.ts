import { route } from "@/lib/api/route";
import { workspaceNetworkOut } from "@/lib/schemas/responses";
import { workspaceParams } from "@/lib/schemas/workspace";
import { workspaceNetworkBody } from "@/lib/schemas/network";
import { getWorkspaceNetwork, putWorkspaceNetwork } from "@/lib/tenancy/network";

const base = { resource: "network", params: workspaceParams, scope: (p: { ws: string }) => ({ workspace: p.ws }), target: (p: { ws: string }) => ({ name: p.ws }) } as const;

export const GET = route({ ...base, action: "workspace.network.get", permission: "workspace-network.view", response: workspaceNetworkOut }, async ({ params }) => getWorkspaceNetwork(params.ws));

export const PUT = route({ ...base, action: "workspace.network.update", permission: "workspace-network.manage", body: workspaceNetworkBody, response: workspaceNetworkOut }, async ({ params, body }) =>
  putWorkspaceNetwork(params.ws, body.isolated),
);

export * from "@/lib/api/unanswered";

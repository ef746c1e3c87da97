import { route } from "@/lib/api/route";
import { connectivityOut } from "@/lib/schemas/responses";
import { workspaceParams } from "@/lib/schemas/workspace";
import { connectivityQuery } from "@/lib/schemas/network";
import { workspaceConnectivity } from "@/lib/tenancy/network";

/** Which of the workspace's projects can reach which, from the NetworkPolicies in the cluster. */
export const GET = route(
  { action: "workspace.connectivity.get", permission: "workspace-network.view", resource: "networkpolicies", params: workspaceParams, query: connectivityQuery, response: connectivityOut, scope: (p) => ({ workspace: p.ws }) },
  async ({ params, query }) => workspaceConnectivity(params.ws, query.cluster),
);

export * from "@/lib/api/unanswered";

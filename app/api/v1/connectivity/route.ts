import { route } from "@/lib/api/route";
import { connectivityOut } from "@/lib/schemas/responses";
import { connectivityQuery } from "@/lib/schemas/network";
import { clusterConnectivity } from "@/lib/tenancy/network";

/** Every namespace of a cluster, Tenantry's or not: for those who see the whole platform. */
export const GET = route({ action: "connectivity.get", permission: "workspaces.view", resource: "networkpolicies", query: connectivityQuery, response: connectivityOut }, async ({ query }) =>
  clusterConnectivity(query.cluster),
);

export * from "@/lib/api/unanswered";

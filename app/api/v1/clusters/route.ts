import { route } from "@/lib/api/route";
import { clusterCreate } from "@/lib/schemas/cluster";
import { clusterListQuery } from "@/lib/schemas/lists";
import { listClusters, registerCluster } from "@/lib/tenancy/clusters";
import { clusterDetailOut, clusterOut, listOf } from "@/lib/schemas/responses";

export const GET = route({ action: "cluster.list", permission: "clusters.view", resource: "clusters", query: clusterListQuery, response: listOf(clusterOut) }, async ({ query }) => ({
  items: await listClusters(query),
}));

export const POST = route(
  {
    action: "cluster.create",
    permission: "clusters.manage",
    resource: "clusters",
    body: clusterCreate,
    status: 201,
    response: clusterDetailOut,
    target: (_p, body) => ({ name: body.name, cluster: body.name }),
  },
  async ({ body }) => registerCluster(body),
);

export * from "@/lib/api/unanswered";

import { route } from "@/lib/api/route";
import { clusterCreate } from "@/lib/schemas/cluster";
import { listClusters, registerCluster } from "@/lib/tenancy/clusters";
import { clusterDetailOut, clusterOut, listOf } from "@/lib/schemas/responses";

export const GET = route({ action: "cluster.list", permission: "clusters.view", resource: "clusters", response: listOf(clusterOut) }, async () => ({ items: await listClusters() }));

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

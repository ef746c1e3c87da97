import { route } from "@/lib/api/route";
import { clusterParams, clusterUpdate } from "@/lib/schemas/cluster";
import { deleteCluster, getCluster, updateCluster } from "@/lib/tenancy/clusters";
import { clusterDetailOut } from "@/lib/schemas/responses";

const base = {
  permission: "clusters.view",
  resource: "clusters",
  params: clusterParams,
  target: (p: { cluster: string }) => ({ name: p.cluster }),
  response: clusterDetailOut,
} as const;

export const GET = route({ ...base, action: "cluster.get" }, async ({ params }) => getCluster(params.cluster));

export const PATCH = route({ ...base, action: "cluster.update", permission: "clusters.manage", body: clusterUpdate }, async ({ params, body }) =>
  updateCluster(params.cluster, body),
);

export const DELETE = route({ ...base, action: "cluster.delete", permission: "clusters.manage", status: 204 }, async ({ params }) => {
  await deleteCluster(params.cluster);
});

export * from "@/lib/api/unanswered";

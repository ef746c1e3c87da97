import { route } from "@/lib/api/route";
import { clusterParams } from "@/lib/schemas/cluster";
import { clusterNodesOut } from "@/lib/schemas/nodes";
import { clusterNodes } from "@/lib/tenancy/cluster-nodes";

// Who may see the cluster may see its nodes: the same permission and target as GET /clusters/{cluster}.
export const GET = route(
  { action: "cluster.nodes.list", permission: "clusters.view", resource: "nodes", params: clusterParams, target: (p: { cluster: string }) => ({ cluster: p.cluster }), response: clusterNodesOut },
  async ({ params }) => clusterNodes(params.cluster),
);

export * from "@/lib/api/unanswered";

import { route } from "@/lib/api/route";
import { clusterParams } from "@/lib/schemas/cluster";
import { issueAuditToken, publicBaseUrl } from "@/lib/audit/token";

// Issues the cluster's audit webhook token (revoking the previous one). The token is in this response only.
export const POST = route(
  {
    action: "cluster.audit-token.issue",
    permission: "clusters.manage",
    resource: "clusters",
    params: clusterParams,
    target: (p: { cluster: string }) => ({ name: p.cluster, cluster: p.cluster }),
    status: 201,
  },
  async ({ req, params }) => {
    const issued = await issueAuditToken(params.cluster, publicBaseUrl(req));
    return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
  },
);

import { route } from "@/lib/api/route";
import { clusterParams } from "@/lib/schemas/cluster";
import { issueAuditToken } from "@/lib/audit/token";
import { publicOrigin } from "@/lib/api/public-origin";
import { AppError } from "@/lib/api/errors";

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
    const origin = publicOrigin(req.headers);
    if (!origin) throw new AppError(503, "no_public_url", "The console does not know its public URL: set NEXTAUTH_URL.");
    const issued = await issueAuditToken(params.cluster, origin);
    return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
  },
);

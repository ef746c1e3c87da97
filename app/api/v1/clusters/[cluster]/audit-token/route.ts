import { route } from "@/lib/api/route";
import { auditTokenOut } from "@/lib/schemas/responses";
import { clusterParams } from "@/lib/schemas/cluster";
import { issueAuditToken, webhookEndpoint } from "@/lib/audit/token";
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
    response: auditTokenOut,
  },
  async ({ req, params }) => {
    const endpoint = webhookEndpoint(publicOrigin(req.headers));
    if (!endpoint) {
      throw new AppError(
        503,
        "audit_webhook_needs_tls",
        "kube-apiserver sends the webhook token only over HTTPS: set TENANTRY_AUDIT_TLS_PORT and TENANTRY_AUDIT_TLS_DIR (npm run demo does), or TENANTRY_AUDIT_WEBHOOK_URL, or serve the console over HTTPS.",
      );
    }
    const issued = await issueAuditToken(params.cluster, endpoint);
    return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
  },
);

export * from "@/lib/api/unanswered";

// kube-apiserver's audit webhook backend posts here (--audit-webhook-config-file from
// POST /api/v1/clusters/{cluster}/audit-token). Authenticated by the cluster's bearer token, not a
// session, so it is a plain handler; denials and rejected batches are recorded like route() does.
import { AppError, badRequest, invalid, problemResponse } from "@/lib/api/errors";
import { clientInfo } from "@/lib/api/client-info";
import { record } from "@/lib/audit/record";
import { ingestEventList } from "@/lib/audit/ingest";
import { clusterForToken } from "@/lib/audit/token";
import { kubeAuditEventList } from "@/lib/schemas/audit";

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function POST(req: Request, ctx: { params: Promise<{ cluster: string }> }): Promise<Response> {
  const receivedAt = new Date();
  const { cluster } = await ctx.params;
  const path = new URL(req.url).pathname;
  try {
    const target = await clusterForToken(cluster, req.headers.get("authorization"));
    if (!target) throw new AppError(401, "unauthenticated", "A valid audit webhook token for this cluster is required.");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError(413, "too_large", "The batch is too large.");
    let json: unknown;
    try {
      json = JSON.parse(await req.text());
    } catch {
      throw badRequest("The request body is not valid JSON.");
    }
    const parsed = kubeAuditEventList.safeParse(json);
    if (!parsed.success)
      throw invalid(
        parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join(".") || "body", message: i.message })),
        "The body is not an audit.k8s.io/v1 EventList.",
      );
    return Response.json(await ingestEventList(target, parsed.data));
  } catch (err) {
    const appErr = err instanceof AppError ? err : new AppError(500, "internal", "Something went wrong on our side; it has been logged.");
    if (!(err instanceof AppError)) console.error("audit webhook failed", err);
    await record({
      action: "audit.webhook",
      verb: "create",
      outcome: appErr.status === 401 ? "denied" : "failure",
      statusCode: appErr.status,
      username: `system:audit-webhook:${cluster}`.slice(0, 100),
      resource: "auditevents",
      cluster: cluster.slice(0, 63),
      reason: appErr.message,
      receivedAt,
      ...clientInfo(req.headers),
    }).catch((e) => console.error("audit record failed", e));
    const res = problemResponse(appErr, path);
    if (appErr.status === 401) res.headers.set("www-authenticate", 'Bearer realm="tenantry-audit"');
    return res;
  }
}

// kube-apiserver's audit webhook backend posts here (--audit-webhook-config-file from
// POST /api/v1/clusters/{cluster}/audit-token). Authenticated by the cluster's bearer token, not a
// session, so it is a plain handler (documented() gives the OpenAPI document its spec); denials and rejected
// batches are recorded like route() does.
import { randomUUID } from "node:crypto";
import { AppError, invalid, problemResponse } from "@/lib/api/errors";
import { badString, readText, toStorable } from "@/lib/api/body";
import { clientInfo } from "@/lib/api/client-info";
import { record } from "@/lib/audit/record";
import { ingestEventList, readEventList } from "@/lib/audit/ingest";
import { clusterForToken } from "@/lib/audit/token";
import { kubeAuditEventList } from "@/lib/schemas/audit";
import { clusterParams } from "@/lib/schemas/cluster";
import { auditWebhookResultOut } from "@/lib/schemas/responses";
import { documented } from "@/lib/api/route";
import { log } from "@/lib/observe/log";
import { metrics } from "@/lib/observe/metrics";
import { observeRequest } from "@/lib/observe/request";

// kube-apiserver's own ceiling for one batch (--audit-webhook-truncate-max-batch-size, 10 MiB): with truncation
// on it never sends more; a larger body is cut off while it streams in, chunked or not.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export const POST = documented(
  { action: "audit.webhook", resource: "auditevents", security: "auditWebhookToken", params: clusterParams, body: kubeAuditEventList, response: auditWebhookResultOut },
  receive,
);

async function receive(req: Request, ctx: { params: Promise<{ cluster: string }> }): Promise<Response> {
  const receivedAt = new Date();
  const startedAt = performance.now();
  const requestId = randomUUID();
  let target: { id: string; name: string } | null = null;
  const cluster = toStorable((await ctx.params).cluster);
  const path = new URL(req.url).pathname;
  try {
    const bad = badString((await ctx.params).cluster);
    if (bad) throw invalid([{ path: "cluster", message: bad }]);
    target = await clusterForToken(cluster, req.headers.get("authorization"));
    if (!target) throw new AppError(401, "unauthenticated", "A valid audit webhook token for this cluster is required.");
    const { received, list, refused, refusals } = readEventList(await readText(req, MAX_BODY_BYTES));
    const result = await ingestEventList(target, list);
    const m = metrics();
    m.webhookBatchSize.observe({ cluster: target.name }, received);
    for (const [outcome, n] of [["accepted", result.accepted], ["duplicate", result.duplicates], ["skipped", result.skipped], ["refused", refused]] as const) {
      if (n) m.auditIngested.inc({ cluster: target.name, result: outcome }, n);
    }
    observeRequest({ requestId, method: "POST", pathname: path, status: 200, startedAt, user: `system:audit-webhook:${target.name}` });
    return Response.json(
      { ...result, received, refused, ...(refusals.length ? { refusals } : {}) },
      { headers: { "cache-control": "no-store", "x-request-id": requestId } },
    );
  } catch (err) {
    const appErr = err instanceof AppError ? err : new AppError(500, "internal", "Something went wrong on our side; it has been logged.");
    if (!(err instanceof AppError)) log().error({ requestId, err }, "audit webhook failed");
    // Only an authenticated cluster names a series: the path is anyone's to write.
    metrics().webhookFailures.inc({ cluster: target?.name ?? "unauthenticated", status: String(appErr.status) });
    await record({
      auditId: requestId,
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
    }).catch((e) => log().error({ requestId, err: e }, "audit record failed"));
    observeRequest({ requestId, method: "POST", pathname: path, status: appErr.status, startedAt, auditId: requestId });
    const res = problemResponse(appErr, path);
    res.headers.set("x-request-id", requestId);
    if (appErr.status === 401) res.headers.set("www-authenticate", 'Bearer realm="tenantry-audit"');
    return res;
  }
}

export * from "@/lib/api/unanswered";

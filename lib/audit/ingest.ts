// Kubernetes audit ingestion: kube-apiserver's webhook backend POSTs an audit.k8s.io/v1 EventList.
// Each batch is validated as a whole first (so a bad one stores nothing), deduplicated on auditID,
// tied to project and workspace through the namespace, then chained and written in one INSERT.
import { createHash } from "node:crypto";
import { db } from "../db/client";
import type { KubeAuditEvent, KubeAuditEventList } from "../schemas/audit";
import { appendSealed, lockChain, type UnsealedEvent } from "./record";

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  /** Intermediate stages (RequestReceived, ResponseStarted): the same auditID completes later. */
  skipped: number;
}

const FINAL_STAGES = new Set(["ResponseComplete", "Panic"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_KEY = /pass(word)?|token|secret|kubeconfig|credential|private|^key$|apikey|authorization|cert/i;
const MAX_OBJECT_CHARS = 16_384;

/** kube-apiserver uses UUIDs, but a client may set its own Audit-ID: map anything else to a stable UUID. */
export function auditUuid(cluster: string, auditID: string): string {
  if (UUID.test(auditID)) return auditID.toLowerCase();
  const h = createHash("sha256").update(`${cluster}\0${auditID}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Request bodies are kept only without secrets: Secret objects entirely, secret-looking keys anywhere. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return "[…]";
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.kind === "Secret") return { kind: "Secret", apiVersion: o.apiVersion, metadata: redact(o.metadata, depth + 1), data: "[redacted]" };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, SECRET_KEY.test(k) && v !== null && typeof v !== "boolean" ? "[redacted]" : redact(v, depth + 1)]));
  }
  return value;
}

function boundedObject(obj: unknown, resource: string | undefined): unknown {
  if (obj === undefined || obj === null) return undefined;
  if (resource === "secrets") return "[redacted]";
  const clean = redact(obj);
  const text = JSON.stringify(clean);
  return text.length > MAX_OBJECT_CHARS ? { truncated: true, size: text.length } : clean;
}

function outcomeOf(e: KubeAuditEvent, code: number): UnsealedEvent["outcome"] {
  if (e.annotations?.["authorization.k8s.io/decision"] === "forbid" || code === 401 || code === 403) return "denied";
  return code >= 400 || e.stage === "Panic" ? "failure" : "success";
}

function resourceOf(ref: KubeAuditEvent["objectRef"]): string | null {
  if (!ref?.resource) return null;
  return ref.subresource ? `${ref.resource}/${ref.subresource}` : ref.resource;
}

/** Maps one Kubernetes audit event onto the console's audit event (fields follow the Kubernetes names). */
export function fromKube(cluster: string, e: KubeAuditEvent, scope: { workspace: string; project: string } | undefined): UnsealedEvent {
  const code = e.responseStatus?.code ?? (e.stage === "Panic" ? 500 : 0);
  const ref = e.objectRef ?? undefined;
  const resource = resourceOf(ref);
  const request = {
    level: e.level,
    stage: e.stage,
    requestURI: e.requestURI,
    user: { username: e.user.username, groups: e.user.groups },
    ...(e.impersonatedUser ? { impersonatedUser: { username: e.impersonatedUser.username, groups: e.impersonatedUser.groups } } : {}),
    sourceIPs: e.sourceIPs,
    objectRef: ref ? { ...ref } : undefined,
    responseStatus: e.responseStatus ? { code: e.responseStatus.code, status: e.responseStatus.status, reason: e.responseStatus.reason, message: e.responseStatus.message?.slice(0, 2000) } : undefined,
    annotations: e.annotations ?? undefined,
    requestObject: boundedObject(e.requestObject, ref?.resource),
    responseObject: boundedObject(e.responseObject, ref?.resource),
  };
  return {
    auditId: auditUuid(cluster, e.auditID),
    source: "kubernetes",
    action: `k8s.${resource ?? "nonresource"}.${e.verb}`.slice(0, 200),
    verb: e.verb,
    username: e.user.username ?? null,
    resource,
    namespace: ref?.namespace ?? null,
    name: ref?.name ?? null,
    cluster,
    workspace: scope?.workspace ?? null,
    project: scope?.project ?? null,
    outcome: outcomeOf(e, code),
    statusCode: code,
    reason: (e.responseStatus?.message ?? e.responseStatus?.reason ?? null)?.slice(0, 1000) ?? null,
    sourceIp: e.sourceIPs?.[0] ?? null,
    userAgent: e.userAgent?.slice(0, 500) ?? null,
    receivedAt: new Date(e.requestReceivedTimestamp),
    completedAt: new Date(e.stageTimestamp),
    apiGroup: ref?.apiGroup ?? null,
    request: JSON.parse(JSON.stringify(request)),
  };
}

/** Stores a validated EventList from `cluster` (already authenticated). Idempotent on auditID. */
export async function ingestEventList(cluster: { id: string; name: string }, list: KubeAuditEventList): Promise<IngestResult> {
  const seen = new Set<string>();
  const finals: KubeAuditEvent[] = [];
  let skipped = 0;
  let duplicates = 0;
  for (const e of list.items) {
    if (!FINAL_STAGES.has(e.stage)) {
      skipped++;
      continue;
    }
    const id = auditUuid(cluster.name, e.auditID);
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.add(id);
    finals.push(e);
  }
  const namespaces = [...new Set(finals.map((e) => e.objectRef?.namespace).filter((n): n is string => !!n))];
  const projects = namespaces.length
    ? await db().project.findMany({ where: { clusterId: cluster.id, name: { in: namespaces } }, select: { name: true, workspace: { select: { name: true } } } })
    : [];
  const scopeOf = new Map(projects.map((p) => [p.name, { workspace: p.workspace.name, project: p.name }]));
  const events = finals.map((e) => fromKube(cluster.name, e, e.objectRef?.namespace ? scopeOf.get(e.objectRef.namespace) : undefined));

  const accepted = events.length
    ? await db().$transaction(
        async (t) => {
          const head = await lockChain(t);
          // Under the chain lock no other writer runs, so this check and the insert cannot race.
          const existing = await t.$queryRaw<{ auditId: string }[]>`SELECT "auditId"::text AS "auditId" FROM "AuditEvent" WHERE "auditId" = ANY(${events.map((e) => e.auditId)}::uuid[])`;
          const stored = new Set(existing.map((r) => r.auditId));
          const fresh = events.filter((e) => !stored.has(e.auditId));
          duplicates += events.length - fresh.length;
          await appendSealed(t, fresh, head);
          return fresh.length;
        },
        { timeout: 60_000, maxWait: 30_000 },
      )
    : 0;
  return { received: list.items.length, accepted, duplicates, skipped };
}

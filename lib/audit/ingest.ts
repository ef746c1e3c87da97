// Kubernetes audit ingestion: kube-apiserver's webhook backend POSTs an audit.k8s.io/v1 EventList.
// Each batch is validated as a whole first (so a bad one stores nothing), deduplicated on auditID (with its receivedAt, which a retry repeats),
// tied to project and workspace through the namespace, then chained and written in one INSERT.
import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { transaction, type SqlExecutor } from "../db/sql";
import { kubeAuditEventList, type KubeAuditEvent, type KubeAuditEventList } from "../schemas/audit";
import { badRequest, invalid } from "../api/errors";
import { mayHoldUnstorable } from "../api/body";
import { appendSealed, type UnsealedEvent } from "./record";
import { isUniqueViolation } from "../db/errors";
import { redact, redactText } from "./redact";
import { screenEvents, type Refusal } from "./screen";

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  /** Intermediate stages (RequestReceived, ResponseStarted): the same auditID completes later. */
  skipped: number;
}

const FINAL_STAGES = new Set(["ResponseComplete", "Panic"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_OBJECT_CHARS = 16_384;

/** kube-apiserver uses UUIDs, but a client may set its own Audit-ID: map anything else to a stable UUID. */
export function auditUuid(cluster: string, auditID: string): string {
  if (UUID.test(auditID)) return auditID.toLowerCase();
  const h = createHash("sha256").update(`${cluster}\0${auditID}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A webhook body as the log takes it: JSON (else 400), the EventList validated as a whole (a bad one is a 422 and
 * nothing of it is stored), then screened event by event (screenEvents()). The bench runs this too.
 */
export function readEventList(text: string): { received: number; list: KubeAuditEventList; refused: number; refusals: Refusal[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  const parsed = kubeAuditEventList.safeParse(json);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join(".") || "body", message: i.message })),
      "The body is not an audit.k8s.io/v1 EventList.",
    );
  return { received: parsed.data.items.length, ...screenEvents(parsed.data, Date.now(), mayHoldUnstorable(text)) };
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
    reason: redactText((e.responseStatus?.message ?? e.responseStatus?.reason ?? "").slice(0, 1000)) || null,
    sourceIp: e.sourceIPs?.[0] ?? null,
    userAgent: e.userAgent?.slice(0, 500) ?? null,
    receivedAt: new Date(e.requestReceivedTimestamp),
    completedAt: new Date(e.stageTimestamp),
    apiGroup: ref?.apiGroup ?? null,
    request, // undefined members vanish when appendSealed() serialises it
  };
}

type ProjectScope = { workspace: string; project: string };
const SCOPE_TTL_MS = 10_000;
const knownScopes = new Map<string, ProjectScope & { until: number }>();

/**
 * The project (and workspace) of each namespace of `cluster`. A busy cluster posts several batches a second
 * about the same namespaces, so found projects are remembered for a few seconds. Namespaces without a project
 * are looked up every time: one that becomes a project maps from its first event on.
 */
async function projectScopes(clusterId: string, namespaces: Set<string>): Promise<Map<string, ProjectScope>> {
  const found = new Map<string, ProjectScope>();
  const now = Date.now();
  const unknown = [...namespaces].filter((ns) => {
    const hit = knownScopes.get(`${clusterId}/${ns}`);
    if (hit && hit.until > now) found.set(ns, hit);
    return !found.has(ns);
  });
  if (unknown.length) {
    const projects = await db().project.findMany({ where: { clusterId, name: { in: unknown } }, select: { name: true, workspace: { select: { name: true } } } });
    if (knownScopes.size > 100_000) knownScopes.clear();
    for (const p of projects) {
      const scope = { workspace: p.workspace.name, project: p.name };
      found.set(p.name, scope);
      knownScopes.set(`${clusterId}/${p.name}`, { ...scope, until: now + SCOPE_TTL_MS });
    }
  }
  return found;
}

/** The events not stored yet (an event is stored under its auditId and receivedAt, which a retry repeats). */
async function unstored(t: SqlExecutor, events: UnsealedEvent[]): Promise<UnsealedEvent[]> {
  const existing = await t.rows<{ auditId: string }>(Prisma.sql`
    SELECT e."auditId"::text AS "auditId" FROM "AuditEvent" e
    JOIN unnest(${events.map((e) => e.auditId)}::uuid[], ${events.map((e) => e.receivedAt.toISOString())}::timestamptz[]) AS b(id, at)
      ON e."auditId" = b.id AND e."receivedAt" = b.at`);
  const stored = new Set(existing.map((r) => r.auditId));
  return events.filter((e) => !stored.has(e.auditId));
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
  const scopeOf = await projectScopes(cluster.id, new Set(finals.map((e) => e.objectRef?.namespace).filter((n): n is string => !!n)));
  const events = finals.map((e) => fromKube(cluster.name, e, e.objectRef?.namespace ? scopeOf.get(e.objectRef.namespace) : undefined));

  // The first attempt writes the batch without looking for it first: a retried batch is rare, and without that lookup
  // (400 probes of the unique index) the webhook stored 7-45% more events a second (alternating 8 s runs at 10M events).
  // When the unique index refuses an event already stored, the batch is written again without the events found
  // stored; a retry racing its original can pass that lookup in both, and the second runs once more.
  let accepted = 0;
  for (let attempt = 1; events.length; attempt++) {
    try {
      [accepted, duplicates] = await transaction(async (t) => {
        const fresh = attempt === 1 ? events : await unstored(t, events);
        await appendSealed(t, fresh);
        return [fresh.length, duplicates + events.length - fresh.length];
      });
      break;
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
  return { received: list.items.length, accepted, duplicates, skipped };
}

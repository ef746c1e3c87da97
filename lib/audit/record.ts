// record(): the one way an audit event is written, in the caller's transaction when there is one.
// Events chain per week's partition and lane: a lane is an advisory lock a writer holds to the end of its
// transaction, so writers (and replicas) append concurrently and each chain stays unbroken.
// appendSealed() is the batch form the Kubernetes webhook uses: one lane, one multi-row INSERT.
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { onPrisma, transaction, type SqlExecutor } from "../db/sql";
import { eventHash, GENESIS, weekOf, type SealedFields } from "./chain";
import { redactText, redactValues } from "./redact";
import { mayHoldUnstorable, toStorable } from "../api/body";
import { metrics } from "../observe/metrics";

export const CHAIN_LOCK = 7_260_001;

export interface AuditInput {
  /** The request's own id (route() answers it as Audit-Id); a fresh one when absent. */
  auditId?: string;
  action: string;
  verb: string;
  outcome: "success" | "denied" | "failure";
  statusCode: number;
  username?: string | null;
  resource?: string | null;
  namespace?: string | null;
  name?: string | null;
  apiGroup?: string | null;
  cluster?: string | null;
  workspace?: string | null;
  project?: string | null;
  reason?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  request?: Prisma.InputJsonValue;
  source?: "console" | "kubernetes";
  receivedAt?: Date;
}

/** An event ready to be chained: its sealed fields plus what is stored beside them. */
export interface UnsealedEvent extends SealedFields {
  apiGroup: string | null;
  request: unknown;
}

export async function record(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
  const now = new Date();
  const event: UnsealedEvent = {
    auditId: input.auditId ?? randomUUID(),
    source: input.source ?? "console",
    action: input.action,
    verb: input.verb,
    username: input.username ?? null,
    resource: input.resource ?? null,
    namespace: input.namespace ?? null,
    name: input.name ?? null,
    cluster: input.cluster ?? null,
    workspace: input.workspace ?? null,
    project: input.project ?? null,
    outcome: input.outcome,
    statusCode: input.statusCode,
    reason: input.reason ? redactText(input.reason.slice(0, 1000)) : null,
    sourceIp: input.sourceIp ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    receivedAt: input.receivedAt ?? now,
    completedAt: now,
    apiGroup: input.apiGroup ?? null,
    request: input.request ?? null,
  };
  if (tx) await appendSealed(onPrisma(tx), [event]);
  else await transaction((x) => appendSealed(x, [event]));
}

const LANES = 8;
const lanes = new WeakMap<SqlExecutor, number>();

/**
 * The chain lane this transaction appends to, locked until it ends: the first lane no other writer holds,
 * so concurrent writers never wait for each other until all eight are busy. A transaction keeps its lane.
 * Locked by a statement of its own, before the chain's head is read: a statement reads with the snapshot it started
 * with, so a head read in the statement that takes the lock may be one its last holder has since moved (a fork).
 */
async function takeLane(t: SqlExecutor): Promise<number> {
  const held = lanes.get(t);
  if (held !== undefined) return held;
  const [free] = await t.rows<{ lane: number }>(Prisma.sql`
    SELECT l AS lane FROM generate_series(0, ${LANES - 1}::int) l WHERE pg_try_advisory_xact_lock(${CHAIN_LOCK}::int, l) LIMIT 1`);
  let lane = free?.lane;
  if (lane === undefined) {
    lane = Math.floor(Math.random() * LANES);
    await t.rows(Prisma.sql`SELECT true AS locked FROM pg_advisory_xact_lock(${CHAIN_LOCK}::int, ${lane}::int)`);
  }
  lanes.set(t, lane);
  return lane;
}

/** The event with every string in it, the request's too, through toStorable(). */
function storableEvent(e: UnsealedEvent): UnsealedEvent {
  const out: Record<string, unknown> = { ...e };
  for (const [k, v] of Object.entries(e)) if (typeof v === "string") out[k] = toStorable(v);
  if (e.request !== undefined && e.request !== null)
    out.request = JSON.parse(JSON.stringify(e.request, (_key, v: unknown) => (typeof v === "string" ? toStorable(v) : v)));
  return out as unknown as UnsealedEvent;
}

/**
 * Chains `events` (in order) onto this transaction's lane in each week's partition they fall in, and writes
 * them and the chains' new heads in one statement. Creates a week's partition on its first event.
 */
export async function appendSealed(t: SqlExecutor, events: UnsealedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const lane = await takeLane(t);
  const weekOfEach = events.map((e) => weekOf(e.receivedAt));
  const weeks = [...new Set(weekOfEach)];
  const parts = await t.rows<{ week: Date; partition: string; head: string | null }>(Prisma.sql`
    SELECT w AS week, p.name AS partition, c."headHash" AS head
    FROM unnest(${weeks}::timestamptz[]) w
    CROSS JOIN LATERAL (SELECT tenantry_audit_partition(w) AS name) p
    LEFT JOIN "AuditChain" c ON c."partition" = p.name AND c."lane" = ${lane}::smallint`);
  const starts = new Map(parts.map((p) => [new Date(p.week).toISOString(), { partition: p.partition, first: p.head ?? GENESIS }]));
  // The rows as one JSON parameter (keys are the columns): one native JSON.stringify instead of 22 arrays pg
  // encodes element by element. Whatever wrote it, what is kept beside the event holds no credentials.
  const seal = (list: UnsealedEvent[]) => {
    const heads = new Map([...starts].map(([week, s]) => [week, s.first]));
    const rows = list.map((e, i) => {
      const prevHash = heads.get(weekOfEach[i]!)!;
      const hash = eventHash(prevHash, e);
      heads.set(weekOfEach[i]!, hash);
      // Spelled out: the keys are the columns json_to_recordset() reads (and a spread of the event cost more than all of this).
      return {
        auditId: e.auditId, source: e.source, action: e.action, verb: e.verb, username: e.username, resource: e.resource,
        namespace: e.namespace, name: e.name, apiGroup: e.apiGroup, cluster: e.cluster, workspace: e.workspace, project: e.project,
        outcome: e.outcome, statusCode: e.statusCode, reason: e.reason, sourceIp: e.sourceIp, userAgent: e.userAgent,
        request: e.request === undefined ? null : redactValues(e.request), receivedAt: e.receivedAt, completedAt: e.completedAt, prevHash, hash,
      };
    });
    return { json: JSON.stringify(rows), heads };
  };
  let sealed = seal(events);
  // PostgreSQL text holds no NUL and UTF-8 no lone surrogate: a refused request's path may carry either, and
  // its denial must still be logged, with the hash over what is stored.
  if (mayHoldUnstorable(sealed.json)) sealed = seal(events.map(storableEvent));
  const heads = [...starts].map(([week, s]) => ({ partition: s.partition, first: s.first, head: sealed.heads.get(week)! }));
  // WITH ORDINALITY keeps the rows' order, so seq follows the chain order.
  await t.rows(Prisma.sql`
    WITH events AS (
      INSERT INTO "AuditEvent" ("auditId","source","action","verb","username","resource","namespace","name","apiGroup","cluster",
        "workspace","project","outcome","statusCode","reason","sourceIp","userAgent","request","receivedAt","completedAt","lane","prevHash","hash")
      SELECT u."auditId", u."source", u."action", u."verb", u."username", u."resource", u."namespace", u."name", u."apiGroup", u."cluster",
        u."workspace", u."project", u."outcome", u."statusCode", u."reason", u."sourceIp", u."userAgent", u."request", u."receivedAt", u."completedAt",
        ${lane}::smallint, u."prevHash", u."hash"
      FROM ROWS FROM (json_to_recordset(${sealed.json}::json) AS ("auditId" uuid, "source" text, "action" text, "verb" text, "username" text,
        "resource" text, "namespace" text, "name" text, "apiGroup" text, "cluster" text, "workspace" text, "project" text, "outcome" text,
        "statusCode" int, "reason" text, "sourceIp" text, "userAgent" text, "request" jsonb, "receivedAt" timestamptz, "completedAt" timestamptz,
        "prevHash" text, "hash" text)) WITH ORDINALITY AS u("auditId", "source", "action", "verb", "username", "resource", "namespace", "name",
        "apiGroup", "cluster", "workspace", "project", "outcome", "statusCode", "reason", "sourceIp", "userAgent", "request", "receivedAt",
        "completedAt", "prevHash", "hash", ord)
      ORDER BY u.ord
    )
    INSERT INTO "AuditChain" ("partition", "lane", "firstPrev", "headHash")
    SELECT h.p, ${lane}::smallint, h.f, h.h FROM unnest(${heads.map((h) => h.partition)}::text[], ${heads.map((h) => h.first)}::text[], ${heads.map((h) => h.head)}::text[]) AS h(p, f, h)
    ON CONFLICT ("partition", "lane") DO UPDATE SET "headHash" = EXCLUDED."headHash"`);
  for (const e of events) metrics().auditRecorded.inc({ source: e.source, outcome: e.outcome });
}

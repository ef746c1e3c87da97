// record(): the one way an audit event is written, in the caller's transaction when there is one.
// Events chain per week's partition and lane: a lane is an advisory lock a writer holds to the end of its
// transaction, so writers (and replicas) append concurrently and each chain stays unbroken.
// appendSealed() is the batch form the Kubernetes webhook uses: one lane, one multi-row INSERT.
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { onPrisma, transaction, type SqlExecutor } from "../db/sql";
import { eventHash, GENESIS, weekOf, type SealedFields } from "./chain";
import { redactText, redactValues } from "./redact";
import { toStorable } from "../api/body";
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

/**
 * Chains `events` (in order) onto this transaction's lane in each week's partition they fall in, and writes
 * them and the chains' new heads in one statement. Creates a week's partition on its first event.
 */
export async function appendSealed(t: SqlExecutor, events: UnsealedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const lane = await takeLane(t);
  const weeks = [...new Set(events.map((e) => weekOf(e.receivedAt)))];
  const parts = await t.rows<{ week: Date; partition: string; head: string | null }>(Prisma.sql`
    SELECT w AS week, p.name AS partition, c."headHash" AS head
    FROM unnest(${weeks}::timestamptz[]) w
    CROSS JOIN LATERAL (SELECT tenantry_audit_partition(w) AS name) p
    LEFT JOIN "AuditChain" c ON c."partition" = p.name AND c."lane" = ${lane}::smallint`);
  const chains = new Map(parts.map((p) => [new Date(p.week).toISOString(), { partition: p.partition, first: p.head ?? GENESIS, head: p.head ?? GENESIS }]));
  const cols = {
    auditId: [] as string[], source: [] as string[], action: [] as string[], verb: [] as string[],
    username: [] as (string | null)[], resource: [] as (string | null)[], namespace: [] as (string | null)[], name: [] as (string | null)[],
    apiGroup: [] as (string | null)[], cluster: [] as (string | null)[], workspace: [] as (string | null)[], project: [] as (string | null)[],
    outcome: [] as string[], statusCode: [] as number[], reason: [] as (string | null)[], sourceIp: [] as (string | null)[],
    userAgent: [] as (string | null)[], request: [] as (string | null)[], receivedAt: [] as string[], completedAt: [] as string[],
    prevHash: [] as string[], hash: [] as string[],
  };
  for (const written of events) {
    // PostgreSQL text holds no NUL and UTF-8 no lone surrogate: a refused request's path may carry either, and
    // its denial must still be logged, with the hash over what is stored.
    const e = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, typeof v === "string" ? toStorable(v) : v])) as UnsealedEvent;
    const chain = chains.get(weekOf(e.receivedAt))!;
    const prev = chain.head;
    chain.head = eventHash(prev, e);
    cols.auditId.push(e.auditId); cols.source.push(e.source); cols.action.push(e.action); cols.verb.push(e.verb);
    cols.username.push(e.username); cols.resource.push(e.resource); cols.namespace.push(e.namespace); cols.name.push(e.name);
    cols.apiGroup.push(e.apiGroup); cols.cluster.push(e.cluster); cols.workspace.push(e.workspace); cols.project.push(e.project);
    cols.outcome.push(e.outcome); cols.statusCode.push(e.statusCode); cols.reason.push(e.reason); cols.sourceIp.push(e.sourceIp);
    cols.userAgent.push(e.userAgent); // Whatever wrote it, what is kept beside the event holds no credentials.
    cols.request.push(e.request === null || e.request === undefined ? null : JSON.stringify(redactValues(e.request), (_key, v) => (typeof v === "string" ? toStorable(v) : v)));
    cols.receivedAt.push(e.receivedAt.toISOString()); cols.completedAt.push(e.completedAt.toISOString());
    cols.prevHash.push(prev); cols.hash.push(chain.head);
  }
  const heads = [...chains.values()];
  // WITH ORDINALITY keeps the array order, so seq follows the chain order.
  await t.rows(Prisma.sql`
    WITH events AS (
      INSERT INTO "AuditEvent" ("auditId","source","action","verb","username","resource","namespace","name","apiGroup","cluster",
        "workspace","project","outcome","statusCode","reason","sourceIp","userAgent","request","receivedAt","completedAt","lane","prevHash","hash")
      SELECT u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h, u.i, u.j, u.k, u.l, u.m, u.n, u.o, u.p, u.q, u.r::jsonb, u.s, u.t, ${lane}::smallint, u.v, u.w
      FROM unnest(${cols.auditId}::uuid[], ${cols.source}::text[], ${cols.action}::text[], ${cols.verb}::text[], ${cols.username}::text[],
        ${cols.resource}::text[], ${cols.namespace}::text[], ${cols.name}::text[], ${cols.apiGroup}::text[], ${cols.cluster}::text[],
        ${cols.workspace}::text[], ${cols.project}::text[], ${cols.outcome}::text[], ${cols.statusCode}::int[], ${cols.reason}::text[],
        ${cols.sourceIp}::text[], ${cols.userAgent}::text[], ${cols.request}::text[], ${cols.receivedAt}::timestamptz[],
        ${cols.completedAt}::timestamptz[], ${cols.prevHash}::text[], ${cols.hash}::text[])
        WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, v, w, ord)
      ORDER BY u.ord
    )
    INSERT INTO "AuditChain" ("partition", "lane", "firstPrev", "headHash")
    SELECT h.p, ${lane}::smallint, h.f, h.h FROM unnest(${heads.map((h) => h.partition)}::text[], ${heads.map((h) => h.first)}::text[], ${heads.map((h) => h.head)}::text[]) AS h(p, f, h)
    ON CONFLICT ("partition", "lane") DO UPDATE SET "headHash" = EXCLUDED."headHash"`);
  for (const e of events) metrics().auditRecorded.inc({ source: e.source, outcome: e.outcome });
}

// record(): the one way an audit event is written. Appends to the hash chain under an
// advisory lock so concurrent writers (and replicas) keep a single, unbroken chain.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { eventHash, GENESIS, type SealedFields } from "./chain";

const CHAIN_LOCK = 7_260_001;

export interface AuditInput {
  action: string;
  verb: string;
  outcome: "success" | "denied" | "failure";
  statusCode: number;
  username?: string | null;
  resource?: string | null;
  namespace?: string | null;
  name?: string | null;
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

export async function record(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
  const write = async (t: Prisma.TransactionClient) => {
    await t.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    const last = await t.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
    const now = new Date();
    const fields: SealedFields = {
      auditId: randomUUID(),
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
      reason: input.reason?.slice(0, 1000) ?? null,
      sourceIp: input.sourceIp ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      receivedAt: input.receivedAt ?? now,
      completedAt: now,
    };
    const prevHash = last?.hash ?? GENESIS;
    await t.auditEvent.create({ data: { ...fields, request: input.request, prevHash, hash: eventHash(prevHash, fields) } });
  };
  if (tx) await write(tx);
  else await db().$transaction(write);
}

// Each audit event carries the hash of its predecessor, so a changed or deleted row breaks the chain.
import { createHash } from "node:crypto";

export const GENESIS = "0".repeat(64);

/** The fields that are sealed into the hash, in a fixed order. */
export interface SealedFields {
  auditId: string;
  source: string;
  action: string;
  verb: string;
  username: string | null;
  resource: string | null;
  namespace: string | null;
  name: string | null;
  cluster: string | null;
  workspace: string | null;
  project: string | null;
  outcome: string;
  statusCode: number;
  reason: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  receivedAt: Date;
  completedAt: Date;
}

export function eventHash(prevHash: string, e: SealedFields): string {
  const canonical = JSON.stringify([
    prevHash, e.auditId, e.source, e.action, e.verb, e.username, e.resource, e.namespace, e.name,
    e.cluster, e.workspace, e.project, e.outcome, e.statusCode, e.reason, e.sourceIp, e.userAgent,
    e.receivedAt.toISOString(), e.completedAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Monday 00:00 UTC of the week holding `d`: the partition (and so the chain) an event received at `d` joins. */
export function weekOf(d: Date): string {
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return new Date(day - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString();
}

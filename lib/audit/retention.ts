// Retention: removes events older than TENANTRY_AUDIT_RETENTION_DAYS (default 180) in one set-based
// DELETE of a prefix of the chain, under the chain lock. The append-only trigger lets the DELETE through
// only in this transaction (tenantry.audit_retention = on). A retention event, chained like any other,
// seals where the remaining chain resumes, so verify can anchor on the oldest remaining event.
import { db } from "../db/client";
import { lockChain, record } from "./record";
import { resumeMarker } from "./verify";

export function retentionDays(): number {
  const n = Number(process.env.TENANTRY_AUDIT_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : 180;
}

export interface RetentionResult {
  cutoff: string;
  removed: number;
  resumesAt: string | null;
}

export async function runAuditRetention(opts: { days?: number; now?: Date } = {}): Promise<RetentionResult> {
  const days = opts.days ?? retentionDays();
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
  return db().$transaction(
    async (t) => {
      await lockChain(t);
      // The first event to keep: the oldest one received after the cutoff, but never past the newest event.
      const [keep] = await t.$queryRaw<{ seq: bigint | null; prevHash: string | null }[]>`
        SELECT e."seq", e."prevHash" FROM "AuditEvent" e
        WHERE e."seq" = LEAST(
          (SELECT min("seq") FROM "AuditEvent" WHERE "receivedAt" >= ${cutoff}),
          (SELECT max("seq") FROM "AuditEvent"))`;
      if (!keep?.seq) return { cutoff: cutoff.toISOString(), removed: 0, resumesAt: null };
      await t.$executeRaw`SELECT set_config('tenantry.audit_retention', 'on', true)`;
      const removed = await t.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" < ${keep.seq}`;
      await t.$executeRaw`SELECT set_config('tenantry.audit_retention', 'off', true)`;
      if (removed > 0) {
        await record(
          {
            action: "audit.retention",
            verb: "delete",
            outcome: "success",
            statusCode: 200,
            username: "system:retention",
            resource: "auditevents",
            reason: `removed ${removed} events received before ${cutoff.toISOString()} (${days} days); ${resumeMarker(keep.seq, keep.prevHash!)}`,
          },
          t,
        );
      }
      return { cutoff: cutoff.toISOString(), removed, resumesAt: keep.seq.toString() };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

// The first pass waits a few minutes after start, so it stays out of the way of a starting console.
let nextRun = Date.now() + 5 * 60_000;

/** For the background loop (called every few seconds): runs retention at most once an hour. */
export async function maybeRunAuditRetention(everyMs = 3_600_000): Promise<RetentionResult | null> {
  if (Date.now() < nextRun) return null;
  nextRun = Date.now() + everyMs;
  return runAuditRetention();
}

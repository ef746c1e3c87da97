// Retention: drops the weekly partitions of AuditEvent whose whole week ended before the cutoff
// (TENANTRY_AUDIT_RETENTION_DAYS, default 180) — in bulk, never row by row — together with their chains'
// records, so every remaining chain still verifies from its start. The drop itself is recorded.
import { db } from "../db/client";
import { record } from "./record";

export function retentionDays(): number {
  const n = Number(process.env.TENANTRY_AUDIT_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : 180;
}

export interface RetentionResult {
  cutoff: string;
  removed: number;
  partitions: string[];
}

const WEEK_MS = 7 * 86_400_000;

export async function runAuditRetention(opts: { days?: number; now?: Date } = {}): Promise<RetentionResult> {
  const days = opts.days ?? retentionDays();
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
  // Dropping a partition locks the table exclusively: the drop's own record must then find its week made.
  await ensureAuditWeeks();
  return db().$transaction(
    async (t) => {
      // Partitions are named after their Monday (AuditEvent_YYYYMMDD, see the partitions migration).
      const parts = await t.$queryRaw<{ name: string }[]>`
        SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = '"AuditEvent"'::regclass ORDER BY c.relname`;
      const weekEnd = (name: string) => {
        const m = /^AuditEvent_(\d{4})(\d{2})(\d{2})$/.exec(name);
        return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) + WEEK_MS : Infinity;
      };
      const doomed = parts.filter((p) => weekEnd(p.name) <= cutoff.getTime());
      let removed = 0;
      for (const p of doomed) {
        const [count] = await t.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${p.name}"`);
        removed += Number(count!.n);
        await t.$executeRawUnsafe(`DROP TABLE "${p.name}"`);
        await t.$executeRaw`DELETE FROM "AuditChain" WHERE "partition" = ${p.name}`;
      }
      const names = doomed.map((p) => p.name);
      if (names.length) {
        await record(
          {
            action: "audit.retention",
            verb: "delete",
            outcome: "success",
            statusCode: 200,
            username: "system:retention",
            resource: "auditevents",
            reason: `removed ${removed} events received before ${new Date(weekEnd(names[names.length - 1]!)).toISOString()} (retention ${days} days): ${names.join(", ")}`,
          },
          t,
        );
      }
      return { cutoff: cutoff.toISOString(), removed, partitions: names };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

// Retention's first pass waits a few minutes after start, so it stays out of the way of a starting console.
let nextRun = Date.now() + 5 * 60_000;

let weeksEnsured = 0;

/** This week's and next week's partitions, made ahead of time so writers seldom have to. */
async function ensureAuditWeeks(): Promise<void> {
  await db().$queryRaw`SELECT tenantry_audit_partition(now()), tenantry_audit_partition(now() + interval '7 days')`;
  weeksEnsured = Date.now();
}

/**
 * For the background loop (called every few seconds): makes the coming weeks' partitions on the first pass
 * and hourly after, and at most once an hour drops expired weeks.
 */
export async function maybeRunAuditRetention(everyMs = 3_600_000): Promise<RetentionResult | null> {
  if (Date.now() - weeksEnsured >= everyMs) await ensureAuditWeeks();
  if (Date.now() < nextRun) return null;
  nextRun = Date.now() + everyMs;
  return runAuditRetention();
}

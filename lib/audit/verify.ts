// Chain verification: walks every event in sequence order and recomputes each hash. The oldest
// remaining event is anchored either on the genesis hash or, after retention removed older events,
// on the retention event that sealed "chain resumes at seq S after hash H" into the chain itself.
import { db } from "../db/client";
import { eventHash, GENESIS, type SealedFields } from "./chain";

export interface VerifyResult {
  intact: boolean;
  checked: number;
  firstSeq: string | null;
  lastSeq: string | null;
  anchor: "empty" | "genesis" | "retention" | "none";
  broken?: { seq: string; auditId: string; reason: string };
}

type Row = SealedFields & { seq: bigint; prevHash: string; hash: string };

export const resumeMarker = (seq: bigint | string, prevHash: string) => `chain resumes at seq ${seq} after hash ${prevHash}`;

export async function verifyChain(opts: { batch?: number; onProgress?: (checked: number) => void } = {}): Promise<VerifyResult> {
  const batch = opts.batch ?? 5000;
  let after = -1n;
  let prev: string | undefined;
  let checked = 0;
  let firstSeq: string | null = null;
  let lastSeq: string | null = null;
  let anchor: VerifyResult["anchor"] = "empty";
  for (;;) {
    const rows = await db().$queryRaw<Row[]>`
      SELECT "seq", "auditId"::text AS "auditId", "source", "action", "verb", "username", "resource", "namespace", "name", "cluster",
             "workspace", "project", "outcome", "statusCode", "reason", "sourceIp", "userAgent", "receivedAt", "completedAt", "prevHash", "hash"
      FROM "AuditEvent" WHERE "seq" > ${after} ORDER BY "seq" ASC LIMIT ${batch}`;
    if (rows.length === 0) break;
    for (const r of rows) {
      const at = { seq: r.seq.toString(), auditId: r.auditId };
      if (prev === undefined) {
        firstSeq = at.seq;
        if (r.prevHash === GENESIS) anchor = "genesis";
        else {
          const marker = resumeMarker(r.seq, r.prevHash);
          const vouched = await db().$queryRaw<{ seq: bigint }[]>`
            SELECT "seq" FROM "AuditEvent" WHERE "action" = 'audit.retention' AND "seq" > ${r.seq} AND "reason" LIKE ${`%${marker}%`} LIMIT 1`;
          if (!vouched.length) {
            anchor = "none";
            return { intact: false, checked, firstSeq, lastSeq: at.seq, anchor, broken: { ...at, reason: "the oldest event follows neither the genesis nor a retention cut: earlier events were removed" } };
          }
          anchor = "retention";
        }
      } else if (r.prevHash !== prev) {
        return { intact: false, checked, firstSeq, lastSeq: at.seq, anchor, broken: { ...at, reason: "its predecessor's hash does not match: an event before it was removed or altered" } };
      }
      if (eventHash(r.prevHash, r) !== r.hash) {
        return { intact: false, checked, firstSeq, lastSeq: at.seq, anchor, broken: { ...at, reason: "its contents do not match its hash: the event was altered" } };
      }
      prev = r.hash;
      checked++;
      lastSeq = at.seq;
    }
    after = rows[rows.length - 1]!.seq;
    opts.onProgress?.(checked);
  }
  return { intact: true, checked, firstSeq, lastSeq, anchor };
}

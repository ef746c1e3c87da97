// Chain verification: walks every event in sequence order inside one snapshot (writers on other lanes carry
// on meanwhile) and recomputes each hash. Every chain — a week's partition × a lane — must start from the
// start recorded in AuditChain, link each event to its predecessor, and end at the recorded head.
import { db } from "../db/client";
import { eventHash, type SealedFields } from "./chain";

export interface VerifyResult {
  intact: boolean;
  checked: number;
  chains: number;
  firstSeq: string | null;
  lastSeq: string | null;
  broken?: { seq: string; auditId: string; reason: string };
}

type Row = SealedFields & { seq: bigint; partition: string; lane: number; prevHash: string; hash: string };

export async function verifyChain(opts: { batch?: number; onProgress?: (checked: number) => void } = {}): Promise<VerifyResult> {
  const batch = opts.batch ?? 5000;
  return db().$transaction(
    async (t) => {
      const recorded = await t.$queryRaw<{ partition: string; lane: number; firstPrev: string; headHash: string }[]>`
        SELECT "partition", "lane", "firstPrev", "headHash" FROM "AuditChain"`;
      const chains = new Map(recorded.map((c) => [`${c.partition}/${c.lane}`, { ...c, last: null as null | { seq: string; auditId: string; hash: string } }]));
      let after = -1n;
      let checked = 0;
      let firstSeq: string | null = null;
      let lastSeq: string | null = null;
      const fail = (at: { seq: string; auditId: string }, reason: string): VerifyResult =>
        ({ intact: false, checked, chains: chains.size, firstSeq, lastSeq: at.seq || lastSeq, broken: { ...at, reason } });
      for (;;) {
        const rows = await t.$queryRaw<Row[]>`
          SELECT "seq", c.relname AS "partition", "lane", "auditId"::text AS "auditId", "source", "action", "verb", "username", "resource",
                 "namespace", "name", "cluster", "workspace", "project", "outcome", "statusCode", "reason", "sourceIp", "userAgent",
                 "receivedAt", "completedAt", "prevHash", "hash"
          FROM "AuditEvent" e JOIN pg_class c ON c.oid = e.tableoid WHERE "seq" > ${after} ORDER BY "seq" ASC LIMIT ${batch}`;
        if (rows.length === 0) break;
        for (const r of rows) {
          const at = { seq: r.seq.toString(), auditId: r.auditId };
          firstSeq ??= at.seq;
          const chain = chains.get(`${r.partition}/${r.lane}`);
          if (!chain) return fail(at, "it belongs to no recorded chain: the chain's record was removed");
          const expected = chain.last ? chain.last.hash : chain.firstPrev;
          if (r.prevHash !== expected) {
            return fail(at, chain.last
              ? "its predecessor's hash does not match: an event before it was removed or altered"
              : "it does not follow its chain's recorded start: earlier events were removed");
          }
          if (eventHash(r.prevHash, r) !== r.hash) return fail(at, "its contents do not match its hash: the event was altered");
          chain.last = { ...at, hash: r.hash };
          checked++;
          lastSeq = at.seq;
        }
        after = rows[rows.length - 1]!.seq;
        opts.onProgress?.(checked);
      }
      for (const [key, c] of chains) {
        if (c.last?.hash === c.headHash) continue;
        return c.last
          ? fail(c.last, "events after it were removed: its chain's recorded head is a later event")
          : fail({ seq: "", auditId: "" }, `every event of chain ${key} was removed`);
      }
      return { intact: true, checked, chains: chains.size, firstSeq, lastSeq };
    },
    { isolationLevel: "RepeatableRead", timeout: 3_600_000, maxWait: 30_000 },
  );
}

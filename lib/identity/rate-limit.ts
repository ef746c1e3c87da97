// Fixed-window counters in PostgreSQL, so every replica sees the same count (one atomic upsert a hit).
import { db } from "../db/client";

/** Counts one hit on `key`; true while the window holds at most `limit` hits. */
export async function allowHit(key: string, limit: number, windowMs: number): Promise<boolean> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - ${windowMs} * interval '1 millisecond' THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - ${windowMs} * interval '1 millisecond' THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return (rows[0]?.count ?? 1) <= limit;
}

// The statements this process sends to PostgreSQL, however they are sent: the pool's query(), a pooled client's
// (lib/db/sql.ts's prepared statements, Prisma's adapter), all go through pg.Client#query. A bench records a page's
// statements here and sends them again directly, as they were sent (named ones prepared the same way), as its limit.
import type { Prisma } from "@prisma/client";
import pg from "pg";
import { pool } from "../../lib/db/client.ts";
import { prepared } from "../../lib/db/sql.ts";

export interface Statement { text: string; values: unknown[]; prepared: boolean }

/** Starts recording every statement sent by a client other than `except` (the bench's own connection). */
export function recordStatements(except: pg.Client): { sent: Statement[]; stop(): void } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  const recording = { sent: [] as Statement[], stop: () => void (proto.query = query) };
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    if (this !== except) {
      const c = typeof config === "string" ? { text: config, values } : (config as { text: string; values?: unknown; name?: string });
      recording.sent.push({ text: c.text, values: Array.isArray(c.values) ? c.values : [], prepared: !!(c as { name?: string }).name });
    }
    return query.call(this, config, values, callback);
  };
  return recording;
}

/** Sends recorded statements again on the console's pool, one after another. */
export async function sendAgain(statements: Statement[]): Promise<void> {
  for (const s of statements) await (s.prepared ? prepared.rows({ text: s.text, values: s.values } as Prisma.Sql) : pool().query(s.text, s.values));
}

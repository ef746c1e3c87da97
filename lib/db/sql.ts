// Plain SQL on the shared pool for the hot paths: every request's caller and bindings (lib/auth/session.ts), audit
// search and webhook ingest. A Prisma raw query costs about 0.5 ms more CPU than the same query through pg, which
// decides 50 concurrent searches and 20,000 ingested events a second on two cores (bench/audit.bench.mts).
// Queries are still built with Prisma.sql (parameters, never string concatenation). pg returns int8 and numeric as
// strings, timestamptz and timestamp (read as UTC, as Prisma writes it) as Date and jsonb parsed.
import type { Prisma } from "@prisma/client";
import pg from "pg";
import { pool } from "./client";

/** Runs a Prisma.Sql: on the pool, in a transaction of ours, or in a Prisma transaction (a console mutation's). */
export interface SqlExecutor {
  rows<T>(q: Prisma.Sql): Promise<T[]>;
}

// Prisma's DateTime columns without @db.Timestamptz are `timestamp(3)` holding UTC, which pg would read as local time.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export const onPool: SqlExecutor = { rows: async (q) => (await pool().query({ text: q.text, values: q.values, types })).rows };

const prismaExecutors = new WeakMap<Prisma.TransactionClient, SqlExecutor>();

/** The same Prisma transaction always gives the same executor (record() keeps its chain lane per executor). */
export function onPrisma(t: Prisma.TransactionClient): SqlExecutor {
  let x = prismaExecutors.get(t);
  if (!x) prismaExecutors.set(t, (x = { rows: (q) => t.$queryRaw(q) }));
  return x;
}

/** Runs `fn` in a transaction on one pooled connection: committed when it returns, rolled back when it throws. */
export async function transaction<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn({ rows: async (q) => (await client.query({ text: q.text, values: q.values, types })).rows });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken); // a connection that could not roll back is discarded
  }
}

// Plain SQL on the shared pool for the audit log's hot paths (search, webhook ingest). A Prisma raw query costs
// about 0.5 ms more CPU than the same query through pg, which decides 50 concurrent searches and 20,000 ingested
// events a second on two cores (bench/audit.bench.mts). Queries are still built with Prisma.sql (parameters, never
// string concatenation). pg returns int8 and numeric as strings, timestamptz as Date and jsonb parsed.
import type { Prisma } from "@prisma/client";
import { pool } from "./client";

/** Runs a Prisma.Sql: on the pool, in a transaction of ours, or in a Prisma transaction (a console mutation's). */
export interface SqlExecutor {
  rows<T>(q: Prisma.Sql): Promise<T[]>;
}

export const onPool: SqlExecutor = { rows: async (q) => (await pool().query(q.text, q.values)).rows };

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
    const result = await fn({ rows: async (q) => (await client.query(q.text, q.values)).rows });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken); // a connection that could not roll back is discarded
  }
}

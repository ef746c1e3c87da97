// Plain SQL on the shared pool for the hot paths: every request's caller and bindings (lib/auth/session.ts), audit
// search and webhook ingest. A Prisma raw query costs about 0.5 ms more CPU than the same query through pg, which
// decides 50 concurrent searches and 20,000 ingested events a second on two cores (bench/audit.bench.mts).
// Queries are still built with Prisma.sql (parameters, never string concatenation). pg returns int8 and numeric as
// strings, timestamptz and timestamp (read as UTC, as Prisma writes it) as Date and jsonb parsed.
import type { Prisma } from "@prisma/client";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { pool } from "./client";

/** Runs a Prisma.Sql: on the pool, in a transaction of ours, or in a Prisma transaction (a console mutation's). */
export interface SqlExecutor {
  rows<T>(q: Prisma.Sql): Promise<T[]>;
}

// Prisma's DateTime columns without @db.Timestamptz are `timestamp(3)` holding UTC, which pg would read as local time.
const utcTimestamp = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export const onPool: SqlExecutor = { rows: async (q) => (await pool().query({ text: q.text, values: q.values, types })).rows };

// Named statements are planned once per connection; unnamed ones, at every run. The embedded database serves every
// connection (of every process) from one session, where one name prepared twice is an error: so a name is unique to
// its connection (this process's tag, the connection's number here, the statement's number here).
const processTag = randomBytes(4).toString("hex");
const connectionNumbers = new WeakMap<pg.PoolClient, number>();
let connections = 0;
const statementNumbers = new Map<string, number>();

/**
 * The pool, with each statement prepared once per connection: for the statements of a fixed shape that run on every
 * request or every reconcile pass (the caller, the bindings, a list's page, a project's desired state), whose
 * planning cost PostgreSQL more than their execution (docs/benchmarks.md, "Where the time went"). After five runs
 * PostgreSQL may keep one generic plan for all parameters, so statements whose best plan depends on a value (an
 * audit page that matches text: lib/audit/search.ts) stay on `onPool`.
 */
export const prepared: SqlExecutor = {
  rows: async (q) => {
    try {
      return await onConnection(q);
    } catch (err) {
      // A schema change while this process runs (a rolling upgrade's migration) changes a prepared `SELECT *`'s
      // row: that connection, and its statements, are discarded, and this run is sent unnamed (other connections
      // may hold the same stale statement until they meet it too).
      if ((err as { code?: string }).code === STALE_PLAN) return onPool.rows(q);
      throw err;
    }
  },
};

/** "cached plan must not change result type" */
const STALE_PLAN = "0A000";

async function onConnection<T>(q: Prisma.Sql): Promise<T[]> {
  const client = await pool().connect();
  let connection = connectionNumbers.get(client);
  if (connection === undefined) connectionNumbers.set(client, (connection = connections++));
  // Prisma.Sql builds its text anew on every read of `text`.
  const text = q.text;
  let statement = statementNumbers.get(text);
  if (statement === undefined) statementNumbers.set(text, (statement = statementNumbers.size));
  try {
    const result = await client.query({ name: `t${processTag}_${connection}_${statement}`, text, values: q.values, types });
    client.release();
    return result.rows;
  } catch (err) {
    // The server's refusal leaves the connection usable; a stale plan or anything else (a broken socket) discards it.
    client.release(err instanceof pg.DatabaseError && err.code !== STALE_PLAN ? undefined : (err as Error));
    throw err;
  }
}

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

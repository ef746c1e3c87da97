import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaClient, type Prisma } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { poolConfig } from "./connection";
import { log } from "../observe/log";
import { metrics } from "../observe/metrics";

const cache = globalThis as unknown as { tenantryPool?: pg.Pool; tenantryPrisma?: PrismaClient };

/** The one connection pool of this process (10 connections), created on first use (DATABASE_URL is known only at run time). */
export function pool(): pg.Pool {
  if (!cache.tenantryPool) {
    // Connections stay open while idle (the process may still exit): each holds the statements prepared on it
    // (lib/db/sql.ts), and on the embedded database, one session for all, a closed one's would stay behind.
    cache.tenantryPool = new pg.Pool(poolConfig(undefined, { max: 10, idleTimeoutMillis: 0, allowExitOnIdle: true }));
    // An idle connection the server drops (a restart, a failover) is discarded by the pool; unheard, it would end the process.
    cache.tenantryPool.on("error", (err) => log().warn({ err: err.message }, "database connection lost"));
    const p = cache.tenantryPool;
    metrics().sources.pool = () => ({ total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount });
  }
  return cache.tenantryPool;
}

const ambient = new AsyncLocalStorage<PrismaClient>();

/**
 * Runs `work` with every db() call on `tx`, the services' own transactions (`db().$transaction(fn)`) becoming
 * part of it: a workspace spec applies many changes through the routes' services and commits them all or none.
 */
export function inTransaction<T>(tx: Prisma.TransactionClient, work: () => Promise<T>): Promise<T> {
  const nested = (arg: unknown) => (typeof arg === "function" ? arg(tx) : Promise.all(arg as Promise<unknown>[]));
  const client = new Proxy(tx, {
    get: (t, k) => {
      if (k === "$transaction") return nested;
      const v: unknown = Reflect.get(t, k);
      return typeof v === "function" ? v.bind(t) : v;
    },
  });
  return ambient.run(client as unknown as PrismaClient, work);
}

/** The one Prisma client of this process, on that pool; $disconnect() ends the pool too (inside inTransaction(), its transaction). */
export function db(): PrismaClient {
  const tx = ambient.getStore();
  if (tx) return tx;
  cache.tenantryPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool(), { disposeExternalPool: true }) });
  return cache.tenantryPrisma;
}

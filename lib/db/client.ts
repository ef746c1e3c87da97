import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { poolConfig } from "./connection";
import { log } from "../observe/log";
import { metrics } from "../observe/metrics";

const cache = globalThis as unknown as { tenantryPool?: pg.Pool; tenantryPrisma?: PrismaClient };

/** The one connection pool of this process (10 connections), created on first use (DATABASE_URL is known only at run time). */
export function pool(): pg.Pool {
  if (!cache.tenantryPool) {
    cache.tenantryPool = new pg.Pool(poolConfig(undefined, { max: 10 }));
    // An idle connection the server drops (a restart, a failover) is discarded by the pool; unheard, it would end the process.
    cache.tenantryPool.on("error", (err) => log().warn({ err: err.message }, "database connection lost"));
    const p = cache.tenantryPool;
    metrics().sources.pool = () => ({ total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount });
  }
  return cache.tenantryPool;
}

/** The one Prisma client of this process, on that pool; $disconnect() ends the pool too. */
export function db(): PrismaClient {
  cache.tenantryPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool(), { disposeExternalPool: true }) });
  return cache.tenantryPrisma;
}

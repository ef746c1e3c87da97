import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfig } from "./connection";

const cache = globalThis as unknown as { tenantryPrisma?: PrismaClient };

/** The one Prisma client of this process, created on first use (DATABASE_URL is known only at run time). */
export function db(): PrismaClient {
  cache.tenantryPrisma ??= new PrismaClient({ adapter: new PrismaPg(poolConfig(undefined, { max: 10 })) });
  return cache.tenantryPrisma;
}

// Parses DATABASE_URL into the separate fields PrismaPg needs: given a connection string,
// Prisma's migrate silently uses it for the shadow database too (see STACK.md).
import type { PoolConfig } from "pg";

export function poolConfig(url = process.env.DATABASE_URL, extra: PoolConfig = {}): PoolConfig {
  if (!url) throw new Error("DATABASE_URL is not set");
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, "") || "postgres",
    ...extra,
  };
}

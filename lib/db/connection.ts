// Parses DATABASE_URL into the separate fields PrismaPg needs: given a connection string,
// Prisma's migrate silently uses it for the shadow database too (see STACK.md).
import type { PoolConfig } from "pg";

/**
 * A `host` parameter names a directory holding the server's Unix socket, as libpq reads it
 * (`postgresql://user:pw@localhost:5432/db?host=/var/run/postgresql`): for a PostgreSQL on the same machine, which
 * is then reached without the TCP stack (docs/benchmarks.md, "Access control and lists").
 */
export function poolConfig(url = process.env.DATABASE_URL, extra: PoolConfig = {}): PoolConfig {
  if (!url) throw new Error("DATABASE_URL is not set");
  const u = new URL(url);
  return {
    host: u.searchParams.get("host") || u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, "") || "postgres",
    ...extra,
  };
}

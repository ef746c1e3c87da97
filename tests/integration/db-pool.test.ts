// The console's one pool (Prisma's and lib/db/sql.ts's) outlives connections the server ends.
import { expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import pg from "pg";
import { poolConfig } from "@/lib/db/connection";
import { db, pool } from "@/lib/db/client";
import { onPool } from "@/lib/db/sql";

// The embedded PGlite is one session that cannot be terminated; CI runs this on PostgreSQL 15.
it.runIf(!!process.env.TENANTRY_TEST_DATABASE_URL)("survives the server ending an idle connection, and the next query gets a new one", async () => {
  const client = await pool().connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  client.release(); // idle in the pool now
  const before = pool().totalCount;
  const admin = new pg.Client(poolConfig()); // from outside the pool, which would lend out the very connection
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
  await admin.end();
  // The pool drops the dead connection on its "error" event: unheard, that event would throw and fail this run.
  await expect.poll(() => pool().totalCount, { timeout: 5000 }).toBeLessThan(before);
  const [after] = await onPool.rows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
  expect(after!.pid).not.toBe(rows[0]!.pid);
  expect(await db().user.count()).toBeGreaterThanOrEqual(0);
});

// The console's one pool (Prisma's and lib/db/sql.ts's) outlives connections the server ends.
import { expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import pg from "pg";
import { poolConfig } from "@/lib/db/connection";
import { db, pool } from "@/lib/db/client";
import { onPool, prepared } from "@/lib/db/sql";

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

// A PostgreSQL beside the console is reached by its Unix socket when DATABASE_URL's host parameter names the
// directory (lib/db/connection.ts): here the URL's own host does not even resolve. CI names its server's directory.
it.runIf(!!process.env.TENANTRY_TEST_PG_SOCKET_DIR)("connects by the Unix socket a host parameter names", async () => {
  const url = Object.assign(new URL(process.env.TENANTRY_TEST_DATABASE_URL!), { hostname: "socket.invalid" });
  url.searchParams.set("host", process.env.TENANTRY_TEST_PG_SOCKET_DIR!);
  const client = new pg.Client(poolConfig(url.toString()));
  await client.connect();
  try {
    // No client address: the connection is not TCP.
    expect((await client.query("SELECT inet_client_addr() IS NULL AS local, current_database() AS db")).rows[0]).toEqual({ local: true, db: url.pathname.slice(1) });
  } finally {
    await client.end();
  }
});

// On the embedded database every connection (of every process) is one session: a statement's name prepared by a
// second connection would be "already exists" there. Locally this runs on the embedded database, in CI on PostgreSQL.
it("prepared statements answer each caller correctly across every connection of the pool, and after a refusal", async () => {
  const sum = (a: number, b: number) => prepared.rows<{ sum: number }>(Prisma.sql`SELECT ${a}::int + ${b}::int AS sum`);
  const tag = (t: string) => prepared.rows<{ tag: string }>(Prisma.sql`SELECT ${t}::text AS tag, 'prepared' AS kind`);
  for (let round = 0; round < 2; round++) {
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 ? sum(i, round) : tag(`t${i}`))));
    results.forEach((rows, i) => expect(rows[0]).toEqual(i % 2 ? { sum: i + round } : { tag: `t${i}`, kind: "prepared" }));
  }
  expect(pool().totalCount).toBeGreaterThan(1);

  await expect(prepared.rows(Prisma.sql`SELECT 1 / ${0}::int AS x`)).rejects.toThrow(/division by zero/);
  expect((await sum(2, 3))[0]).toEqual({ sum: 5 });
});

it("a prepared statement whose table gains a column meanwhile (a rolling upgrade's migration) answers with the new row", async () => {
  const table = Prisma.raw(`"prepared_probe_${process.pid}_${Date.now()}"`);
  await onPool.rows(Prisma.sql`CREATE TABLE ${table} (a int)`);
  try {
    await onPool.rows(Prisma.sql`INSERT INTO ${table} VALUES (1)`);
    const all = () => Promise.all(Array.from({ length: 30 }, () => prepared.rows<Record<string, number | null>>(Prisma.sql`SELECT * FROM ${table} WHERE a = ${1}`)));
    (await all()).forEach((rows) => expect(rows).toEqual([{ a: 1 }]));
    await onPool.rows(Prisma.sql`ALTER TABLE ${table} ADD COLUMN b int`);
    // One after another too: each meets a connection whose statement is stale until none is left.
    for (let i = 0; i < 12; i++) expect(await prepared.rows(Prisma.sql`SELECT * FROM ${table} WHERE a = ${1}`)).toEqual([{ a: 1, b: null }]);
    await onPool.rows(Prisma.sql`ALTER TABLE ${table} ADD COLUMN c int`);
    (await all()).forEach((rows) => expect(rows).toEqual([{ a: 1, b: null, c: null }]));
  } finally {
    await onPool.rows(Prisma.sql`DROP TABLE ${table}`);
  }
});

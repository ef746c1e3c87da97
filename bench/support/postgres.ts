// A throwaway Debian PostgreSQL 15 server for benchmarks (it refuses to run as root, so it runs as
// `postgres`). Benchmarks measure on a real server, never on the embedded one, and with the durability a user
// keeps their data with (fsync, synchronous_commit and full_page_writes on, the defaults): only a bulk seed may
// switch them off, for the load alone (bulkLoad()).
import { execFileSync, execSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../lib/net/free-port";
import { poolConfig } from "../../lib/db/connection";

export const PGBIN = "/usr/lib/postgresql/15/bin";

export interface BenchPostgres {
  /** Over TCP on loopback. */
  url: string;
  /** The same database by the server's Unix socket (lib/db/connection.ts), as a console beside its PostgreSQL connects. */
  socketUrl: string;
  stop(): void;
}

export const hasPostgres15 = () => existsSync(`${PGBIN}/postgres`);

export async function startBenchPostgres(database = "tenantry_bench", settings = ""): Promise<BenchPostgres> {
  if (!hasPostgres15()) throw new Error(`PostgreSQL 15 is not installed (${PGBIN}); apt-get install postgresql-15`);
  const dir = mkdtempSync(join(tmpdir(), "tenantry-bench-pg-"));
  const port = await freePort();
  const asPg = (cmd: string) => (process.getuid?.() === 0 ? execFileSync("su", ["postgres", "-c", cmd], { stdio: "pipe" }) : execSync(cmd, { stdio: "pipe" }));
  if (process.getuid?.() === 0) chownSync(dir, Number(execSync("id -u postgres")), Number(execSync("id -g postgres")));
  asPg(`${PGBIN}/initdb -D ${dir}/data -A trust -U postgres`);
  const conf = `-c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=1GB -c max_connections=200 -c max_wal_size=8GB ${settings}`;
  asPg(`${PGBIN}/pg_ctl -D ${dir}/data -l ${dir}/server.log -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${conf}' -w start`);
  asPg(`${PGBIN}/psql -h 127.0.0.1 -p ${port} -U postgres -c 'CREATE DATABASE ${database}'`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPg(`${PGBIN}/pg_ctl -D ${dir}/data -m fast stop`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on("exit", stop);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  return { url, socketUrl: `${url}?host=${dir}`, stop };
}

/** How a database URL reaches its server, for the tables: a host that is a directory is a Unix socket, as pg reads it. */
export const reachedBy = (url: string) => (poolConfig(url).host?.startsWith("/") ? "by its Unix socket" : "over TCP");

type Sql = { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> };
const DURABILITY = ["fsync", "synchronous_commit", "full_page_writes"];

/**
 * Runs a bulk seed with durability off (the server's own settings, so every connection loads fast), then puts
 * the defaults back, waits until this connection sees them, and checkpoints, so nothing of the load is written
 * out during the measurements. Needs a superuser: only for a server startBenchPostgres() started.
 */
export async function bulkLoad<T>(sql: Sql, load: () => Promise<T>): Promise<T> {
  for (const s of DURABILITY) await sql.query(`ALTER SYSTEM SET ${s} = off`);
  await sql.query("SELECT pg_reload_conf()");
  try {
    return await load();
  } finally {
    for (const s of DURABILITY) await sql.query(`ALTER SYSTEM RESET ${s}`);
    await sql.query("SELECT pg_reload_conf()");
    for (let i = 0; ; i++) {
      let on = true;
      for (const s of DURABILITY) on &&= (await sql.query(`SHOW ${s}`)).rows[0]![s] === "on";
      if (on) break;
      if (i > 100) throw new Error(`${DURABILITY.join(", ")} did not come back on after the load`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await sql.query("CHECKPOINT");
  }
}

/** p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

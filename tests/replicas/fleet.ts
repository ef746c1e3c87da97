// Three replicas of the production server (`npm start`: node scripts/serve.mjs on the `next build` output) on one
// PostgreSQL 15, behind HAProxy balancing round robin with health checks on /api/readyz, and a simulated cluster.
// The database is a fresh one of its own: CREATE DATABASE on TENANTRY_TEST_DATABASE_URL's server (CI's), or a
// throwaway server started here. Everything started is stopped by stop(), and killed on exit if a run is cut short.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startBenchPostgres } from "../../bench/support/postgres";
import { poolConfig } from "../../lib/db/connection";
import { freePort } from "../../lib/net/free-port";
import { ensureBuilt } from "../../lib/setup/build";
import { migrate } from "../../lib/setup/migrate";
import { startSimulatorProcesses } from "../../lib/setup/simulators";
import { send } from "./client";

const HAPROXY = "/usr/sbin/haproxy";

export interface Replica {
  /** HAProxy's name for it, also its PostgreSQL application_name (tenantry-<name>). */
  name: string;
  url: string;
  process: ChildProcess;
  /** The end of what it printed, for failure messages. */
  output(): string;
}

export interface Fleet {
  /** The load balancer: the console's public URL. */
  lb: string;
  replicas: Replica[];
  databaseUrl: string;
  cluster: string;
  adminPassword: string;
  demoPassword: string;
  metricsToken: string;
  /** SIGKILL, as a crashed node or an OOM kill would end it. */
  kill(replica: Replica): Promise<void>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));

function track(child: ChildProcess, keep: { text: string }) {
  children.add(child);
  child.on("exit", () => children.delete(child));
  const take = (d: Buffer) => (keep.text = (keep.text + d.toString()).slice(-8000));
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
}

const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

async function end(child: ChildProcess, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise((done) => child.once("exit", done));
  child.kill(signal);
  await Promise.race([gone, new Promise((done) => setTimeout(done, graceMs))]);
  if (!exited(child)) {
    child.kill("SIGKILL");
    await gone;
  }
}

/** Polls `what` until it gives a value other than undefined or false; throws `why()` after `ms`. */
export async function until<T>(what: () => Promise<T | undefined>, why: () => string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await what().catch(() => undefined);
    if (got !== undefined && got !== false) return got;
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A database of its own on CI's server, or a throwaway PostgreSQL 15 server. */
async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TENANTRY_TEST_DATABASE_URL;
  if (!server) {
    const own = await startBenchPostgres("tenantry_replicas");
    return { url: own.url, drop: async () => own.stop() };
  }
  const name = `tenantry_replicas_${randomBytes(4).toString("hex")}`;
  const onServer = async (sql: string) => {
    const c = new pg.Client(poolConfig(server));
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function haproxyConfig(port: number, replicas: { name: string; port: number }[]): string {
  return `
global
  maxconn 512
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  # A connection refused (a replica just died, its health check not yet failed) is retried on another one.
  retries 2
  option redispatch 1
  option forwardfor
frontend console
  bind 127.0.0.1:${port}
  default_backend replicas
  # Which replica answered (or failed) each request, for the test to see the balancing.
  http-after-response set-header X-Tenantry-Replica %s
backend replicas
  balance roundrobin
  option httpchk GET /api/readyz
  http-check expect status 200
  # A dead replica refuses the check's connection at once; a slow answer on a busy machine is no failure.
  timeout check 10s
  default-server check inter 1s fall 2 rise 2
${replicas.map((r) => `  server ${r.name} 127.0.0.1:${r.port}`).join("\n")}
`;
}

const phase = (what: string) => console.log(`[replicas ${new Date().toISOString().slice(11, 19)}] ${what}`);

export async function startFleet(settings: Record<string, string>): Promise<Fleet> {
  phase("the production build");
  if (!ensureBuilt({ ...process.env, NODE_ENV: "production" })) throw new Error("next build failed");
  const dir = mkdtempSync(join(tmpdir(), "tenantry-replicas-"));
  const started: ChildProcess[] = [];
  const stoppers: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stoppers.splice(0).reverse()) await s().catch((err) => console.error(err));
  };
  try {
    phase("database, migrations, simulated cluster, seed");
    const [db, sim] = await Promise.all([
      database().then(async (db) => {
        stoppers.push(db.drop);
        await migrate(db.url);
        return db;
      }),
      startSimulatorProcesses(["replicas"], join(dir, "cluster")).then(([sim]) => {
        track(sim!.process, { text: "" });
        stoppers.push(() => end(sim!.process, "SIGTERM"));
        return sim!;
      }),
    ]);

    const fleet = {
      databaseUrl: db.url,
      cluster: sim.name,
      adminPassword: randomBytes(12).toString("base64url"),
      demoPassword: randomBytes(12).toString("base64url"),
      metricsToken: randomBytes(16).toString("hex"),
    };
    const secrets = { TENANTRY_SECRET_KEY: randomBytes(32).toString("base64"), NEXTAUTH_SECRET: randomBytes(32).toString("base64") };
    // The seed (admin, the cluster, the demo workspace and users) as `npm run demo` writes it, then nothing of
    // the test process touches the database through Prisma again.
    Object.assign(process.env, { DATABASE_URL: db.url, TENANTRY_SECRET_KEY: secrets.TENANTRY_SECRET_KEY });
    const { seed } = await import("../../prisma/seed");
    await seed({ adminPassword: fleet.adminPassword, demoPassword: fleet.demoPassword, clusters: [{ name: sim.name, kubeconfig: sim.kubeconfig }], demo: true });
    await (await import("../../lib/db/client")).db().$disconnect();

    phase("three replicas");
    const lbPort = await freePort();
    const lb = `http://127.0.0.1:${lbPort}`;
    const replicas: Replica[] = [];
    for (const name of ["r1", "r2", "r3"]) {
      const port = await freePort();
      const out = { text: "" };
      const child = spawn(process.execPath, ["scripts/serve.mjs"], {
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          TENANTRY_NEXT_DIST_DIR: process.env.TENANTRY_NEXT_DIST_DIR ?? "",
          PORT: String(port),
          DATABASE_URL: db.url,
          ...secrets,
          NEXTAUTH_URL: lb,
          TENANTRY_TRUSTED_PROXIES: "127.0.0.1",
          TENANTRY_METRICS_TOKEN: fleet.metricsToken,
          TENANTRY_SHUTDOWN_TIMEOUT_MS: "5000",
          LOG_LEVEL: "warn",
          // Names this replica's database connections, so pg_stat_activity tells who holds the leader lock.
          PGAPPNAME: `tenantry-${name}`,
          ...settings,
        },
      });
      track(child, out);
      started.push(child);
      replicas.push({ name, url: `http://127.0.0.1:${port}`, process: child, output: () => out.text });
    }
    stoppers.push(async () => void (await Promise.all(started.map((c) => end(c, "SIGTERM")))));
    for (const r of replicas) {
      const state = await until(
        async () => (exited(r.process) ? "exited" : (await send(`${r.url}/api/readyz`)).status === 200 ? "ready" : undefined),
        () => `replica ${r.name} did not become ready:\n${r.output()}`,
        180_000,
      );
      if (state === "exited") throw new Error(`replica ${r.name} exited:\n${r.output()}`);
    }

    phase("HAProxy");
    const config = join(dir, "haproxy.cfg");
    writeFileSync(config, haproxyConfig(lbPort, replicas.map((r) => ({ name: r.name, port: Number(new URL(r.url).port) }))));
    const haproxy = spawn(HAPROXY, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    const haproxyOut = { text: "" };
    track(haproxy, haproxyOut);
    stoppers.push(() => end(haproxy, "SIGTERM"));
    // Up when three requests in a row reach three replicas.
    await until(
      async () => {
        const seen = new Set<string | undefined>();
        for (let i = 0; i < 3; i++) seen.add((await send(`${lb}/api/healthz`)).replica);
        return seen.size === 3 && !seen.has(undefined);
      },
      () => `HAProxy did not balance over the three replicas:\n${haproxyOut.text}`,
    );

    phase("up");
    return {
      ...fleet,
      lb,
      replicas,
      async kill(replica) {
        await end(replica.process, "SIGKILL");
        replicas.splice(replicas.indexOf(replica), 1);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

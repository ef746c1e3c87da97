// Audit at scale (issue 6 §9, #18): generates AUDIT_BENCH_EVENTS events (default 1,000,000; the issue's scale is
// 10,000,000) set-based in SQL on a real PostgreSQL 15 (200 workspaces, 2,000 projects, 5,000 users, 30 days),
// into the weekly partitions with durability off for the load only, then measures with fsync, synchronous_commit
// and full_page_writes on:
// - p95 of the typical searches with AUDIT_BENCH_SEARCHERS (50) concurrent searchers × AUDIT_BENCH_ROUNDS (10)
//   searches, beside the same searches' own SQL (recorded from searchAudit()) run directly on the same pool with the
//   same concurrency, in AUDIT_BENCH_RUNS (3) consecutive runs;
// - webhook ingest for AUDIT_BENCH_INGEST_SECONDS (10) (validated EventLists of 400 events, chained and written like
//   the webhook does) beside COPY of the same events into the same partitioned table with the same indexes, each
//   from a checkpoint, in AUDIT_BENCH_RUNS runs (the webhook, then COPY of what it stored).
//   AUDIT_BENCH_POSTERS (4) post at once (on two cores 2 posters stored the most events/s, 8 the fewest).
// AUDIT_BENCH_DATABASE_URL: use that database instead of starting a throwaway PostgreSQL 15 server: an empty one is
// filled, one an earlier run filled is measured again (its settings are left as they are, and printed). The bench's
// own server is reached by its Unix socket, as a console beside its database would (lib/db/connection.ts); a
// database of AUDIT_BENCH_DATABASE_URL as that URL says (`?host=` and the socket's directory for a socket).
import { execFileSync, execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Prisma } from "@prisma/client";
import pg from "pg";
import { bulkLoad, percentile, PGBIN, reachedBy, startBenchPostgres } from "./support/postgres";
import type { SearchSql } from "../lib/audit/search";
import { allOf, atLeast, atLeastShare, atMost, atMostTimes, comparisonTable, postgresSettings, printReport, type Comparison } from "./support/report";

const N = Number(process.env.AUDIT_BENCH_EVENTS || 1_000_000);
const SEARCHERS = Number(process.env.AUDIT_BENCH_SEARCHERS || 50);
const ROUNDS = Number(process.env.AUDIT_BENCH_ROUNDS || 10);
const INGEST_SECONDS = Number(process.env.AUDIT_BENCH_INGEST_SECONDS || 10);
const RUNS = Number(process.env.AUDIT_BENCH_RUNS || 3);
const POSTERS = Number(process.env.AUDIT_BENCH_POSTERS || 4);

let url = process.env.AUDIT_BENCH_DATABASE_URL;
const ownServer = !url;
if (!url) url = (await startBenchPostgres("tenantry_bench", "-c checkpoint_timeout=30min")).socketUrl;
process.env.DATABASE_URL = url;

try {
  await main(url);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}

async function main(databaseUrl: string) {
  const { migrate } = await import("../lib/setup/migrate.ts");
  await migrate(databaseUrl);
  const { poolConfig } = await import("../lib/db/connection.ts");
  // The console's own client and pool (10 connections): the searchers queue for it as requests to one replica do.
  const { db, pool } = await import("../lib/db/client.ts");
  const { onPool, prepared } = await import("../lib/db/sql.ts");
  const { searchAudit, searchOnPool } = await import("../lib/audit/search.ts");
  const { grantFor } = await import("../lib/rbac/roles.ts");
  const principalFor = async (u: { id: string; username: string; platformRole: string }) => ({
    userId: u.id,
    username: u.username,
    active: true,
    platform: await grantFor("platform", "", u.platformRole),
    workspaces: new Map(),
    projects: new Map(),
  });
  const { ingestEventList, readEventList } = await import("../lib/audit/ingest.ts");

  const sql = new pg.Client(poolConfig(databaseUrl));
  await sql.connect();

  // A database that already holds a generated run (AUDIT_BENCH_DATABASE_URL, run before) is measured again as is.
  const reused = await db().cluster.findUnique({ where: { name: "bench" } });
  let genSeconds = 0;
  if (!reused) genSeconds = ownServer ? await bulkLoad(sql, generate) : await generate();
  else {
    // An earlier run's ingest left its events at the head of the log (cluster "bench"): without them the searches see the generated log again.
    // (The log is append-only: its trigger is set aside for this one statement, as a restore would.)
    await sql.query(`BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM "AuditEvent" WHERE "cluster" = 'bench'; COMMIT`);
    await sql.query(`VACUUM ANALYZE "AuditEvent"`);
  }
  const c = reused ?? (await tenancy());
  const admin = await db().user.findUniqueOrThrow({ where: { username: "bench-admin" } });
  const wsAdmin = await db().user.findUniqueOrThrow({ where: { username: "bench-ws-admin" } });
  const adminP = await principalFor(admin);
  const wsP = await principalFor(wsAdmin);
  // Cursors of page 1,000 (events 50,000 onwards, newest first): what a client holds after 999 pages.
  const { rows: deep } = await sql.query(`SELECT (extract(epoch FROM "receivedAt") * 1000)::bigint || '.' || "seq" AS cursor FROM "AuditEvent" ORDER BY "receivedAt" DESC, "seq" DESC OFFSET ${Math.min(49_950, Math.floor(N / 2))} LIMIT 50`);

  type Search = { name: string; run: (i: number, x: SearchSql) => Promise<unknown> };
  const searches: Search[] = [
    { name: "workspace + 24 h (workspace admin)", run: (_, x) => searchAudit(wsP, { limit: 50, workspace: "ws-7", from: new Date(Date.now() - 86_400_000) }, x) },
    { name: "user (platform admin)", run: (i, x) => searchAudit(adminP, { limit: 50, user: `user-${(i * 37) % 5000}` }, x) },
    { name: "user prefix user-12* (platform admin)", run: (_, x) => searchAudit(adminP, { limit: 50, user: "user-12*" }, x) },
    { name: "resource name substring (platform admin)", run: (i, x) => searchAudit(adminP, { limit: 50, name: `-${1000 + (i % 9000)}` }, x) },
    { name: "name substring in workspace (ws admin)", run: (i, x) => searchAudit(wsP, { limit: 50, name: `-${100 + (i % 900)}` }, x) },
    { name: "status 4xx (platform admin)", run: (_, x) => searchAudit(adminP, { limit: 50, status: "4xx" }, x) },
    { name: "page 1,000 via cursor (platform admin)", run: (i, x) => searchAudit(adminP, { limit: 50, cursor: deep[i % deep.length].cursor }, x) },
  ];
  /** SEARCHERS concurrent clients, ROUNDS calls each: p95 in ms and the errors. */
  async function concurrently(call: (i: number) => Promise<unknown>, name: string) {
    const lat: number[] = [];
    let errors = 0;
    await Promise.all(
      Array.from({ length: SEARCHERS }, async (_, k) => {
        for (let r = 0; r < ROUNDS; r++) {
          const t = performance.now();
          try {
            await call(k * ROUNDS + r);
          } catch (e) {
            if (++errors === 1) console.error(name, e);
          }
          lat.push(performance.now() - t);
        }
      }),
    );
    return { p95: percentile(lat, 95), errors };
  }
  // Each search's own statements, recorded as searchAudit() runs them (this pass also warms the caches), to be
  // run directly on the same pool: what the same answers cost without the console around the SQL.
  // Sent again as searchAudit() sent them: prepared (once per connection) or planned each time (lib/audit/search.ts).
  type Recorded = { q: Prisma.Sql; prepared: boolean };
  const statements = new Map<string, Recorded[][]>();
  for (const s of searches) {
    const recorded: Recorded[][] = [];
    await concurrently(async (i) => {
      const into: Recorded[] = (recorded[i] = []);
      await s.run(i, { planned: { rows: (q) => (into.push({ q, prepared: false }), onPool.rows(q)) }, prepared: { rows: (q) => (into.push({ q, prepared: true }), prepared.rows(q)) } });
    }, s.name);
    statements.set(s.name, recorded);
  }
  const searchRows: Comparison[] = searches.map((s) => ({ measure: `${s.name} p95`, unit: "ms", runs: [], target: allOf(atMostTimes(1.5), atMost(100, "ms")) }));
  let searchErrors = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const [k, s] of searches.entries()) {
      // Which goes first alternates from run to run: neither always meets the caches (or the neighbours) the other left.
      const ourSide = () => concurrently((i) => s.run(i, searchOnPool), s.name);
      const rawSide = () =>
        concurrently(async (i) => {
          for (const { q, prepared: named } of statements.get(s.name)![i]!) await (named ? prepared.rows(q) : pool().query(q.text, q.values));
        }, `${s.name} (its SQL)`);
      let ours, raw;
      if (run % 2) {
        raw = await rawSide();
        ours = await ourSide();
      } else {
        ours = await ourSide();
        raw = await rawSide();
      }
      searchErrors += ours.errors + raw.errors;
      searchRows[k]!.runs.push({ ours: ours.p95, limit: raw.p95 });
    }
  }
  if (searchErrors) throw new Error(`${searchErrors} searches failed`);
  const searchSettings = await postgresSettings(sql);

  // ---- ingest: EventLists of 400 (kube-apiserver's default batch), validated, deduped, mapped, chained, one INSERT each.
  const batch = (n: number) => ({
    kind: "EventList",
    apiVersion: "audit.k8s.io/v1",
    items: Array.from({ length: n }, (_, i) => ({
      level: "Metadata",
      auditID: randomUUID(),
      stage: "ResponseComplete",
      requestURI: `/api/v1/namespaces/p-${7 + 200 * (i % 10)}/pods/web-${i}`,
      verb: "get",
      user: { username: `user-${i % 5000}`, groups: ["system:authenticated"] },
      sourceIPs: ["10.1.2.3"],
      userAgent: "kubectl/v1.31.2",
      objectRef: { resource: "pods", namespace: `p-${7 + 200 * (i % 10)}`, name: `web-${i}`, apiVersion: "v1" },
      responseStatus: { metadata: {}, code: 200 },
      requestReceivedTimestamp: new Date().toISOString(),
      stageTimestamp: new Date().toISOString(),
      annotations: { "authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": "" },
    })),
  });
  const target = { id: c.id, name: c.name };
  const bodies = Array.from({ length: 8 }, () => JSON.stringify(batch(400)));
  // Every post carries fresh auditIDs (a retry would be deduplicated, not counted).
  const fresh = (j: number) => bodies[j % bodies.length]!.replace(/"auditID":"[^"]+"/g, () => `"auditID":"${randomUUID()}"`);
  const { rows: cols } = await sql.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'AuditEvent' AND column_name NOT IN ('seq', 'auditId') ORDER BY ordinal_position`);
  const columns = cols.map((r) => `"${r.column_name}"`).join(", ");
  const psql = (command: string) => execFileSync(`${PGBIN}/psql`, [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", command], { stdio: "pipe" });
  const dir = mkdtempSync(join(tmpdir(), "tenantry-audit-copy-"));
  const file = join(dir, "events.csv");

  /** The webhook's side for INGEST_SECONDS: events/s, and what this run stored (from `seq` on) and wrote. */
  async function ingestRun() {
    let ingested = 0;
    let errors = 0;
    let parseMs = 0;
    let writeMs = 0;
    // Written before the clock starts, as COPY's file is: the webhook's work is reading a body and storing it, not
    // making one. Enough for 30,000 events/s; past that, written as they are sent.
    const posts = Array.from({ length: Math.ceil((30_000 * INGEST_SECONDS) / 400) }, (_, j) => fresh(j));
    let next = 0;
    const fromSeq = (await sql.query(`SELECT coalesce(max("seq"), 0)::text AS s FROM "AuditEvent"`)).rows[0].s as string;
    // Each side starts from a checkpoint: the first write to a page after one puts the whole page in the WAL, and
    // whichever side went second found the index pages the first had just written (their right edges, GIN's
    // pending list) already paid for.
    await sql.query("CHECKPOINT");
    const walFrom = await walPosition();
    const until = Date.now() + INGEST_SECONDS * 1000;
    const ti = performance.now();
    const cpu0 = process.cpuUsage();
    await Promise.all(
      Array.from({ length: POSTERS }, async () => {
        while (Date.now() < until) {
          const j = next++;
          const body = posts[j] ?? fresh(j);
          const tp = performance.now();
          const { list } = readEventList(body); // what the route does with the body before ingestEventList()
          parseMs += performance.now() - tp;
          try {
            const tw = performance.now();
            const { accepted } = await ingestEventList(target, list); // (not `ingested += await …`: that loses concurrent updates)
            ingested += accepted;
            writeMs += performance.now() - tw;
          } catch (e) {
            if (++errors === 1) console.error(e);
          }
        }
      }),
    );
    const rate = ingested / ((performance.now() - ti) / 1000);
    const wal = await walSince(walFrom);
    const batches = ingested / 400;
    const cpu = process.cpuUsage(cpu0);
    if (errors) throw new Error(`${errors} ingest batches failed`);
    console.error(
      `ingest: per batch of 400, parse+validate+screen ${(parseMs / batches).toFixed(1)} ms, store ${(writeMs / batches).toFixed(1)} ms (${POSTERS} posters); ` +
        `this process's CPU ${((cpu.user + cpu.system) / 1000 / batches).toFixed(1)} ms per batch; WAL ${(wal / ingested).toFixed(0)} bytes per event`,
    );
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "cluster" = 'bench' AND "workspace" = 'ws-7' AND "seq" > $1`, [fromSeq]);
    return { rate, ingested, mapped: rows[0].n as number, fromSeq };
  }

  /** The limit: COPY of the events a run stored (fresh auditIds, the rest as stored) into the same table and indexes. */
  async function copyRun(fromSeq: string, events: number): Promise<number> {
    psql(`\\copy (SELECT gen_random_uuid(), ${columns} FROM "AuditEvent" WHERE "cluster" = 'bench' AND "seq" > ${fromSeq}) TO '${file}' (FORMAT csv)`);
    await sql.query("CHECKPOINT");
    const walFrom = await walPosition();
    const tc = performance.now();
    psql(`\\copy "AuditEvent" ("auditId", ${columns}) FROM '${file}' (FORMAT csv)`);
    const rate = events / ((performance.now() - tc) / 1000);
    console.error(`ingest: COPY's WAL ${((await walSince(walFrom)) / events).toFixed(0)} bytes per event`);
    return rate;
  }

  const ingestRuns: { ours: number; limit: number }[] = [];
  let ingestedEvents = 0;
  let mappedEvents = 0;
  for (let run = 0; run < RUNS; run++) {
    const { rate, ingested, mapped, fromSeq } = await ingestRun();
    ingestRuns.push({ ours: rate, limit: await copyRun(fromSeq, ingested) });
    ingestedEvents += ingested;
    mappedEvents += mapped;
  }
  rmSync(dir, { recursive: true, force: true });
  const ingestSettings = await postgresSettings(sql);
  const { rows: indexes } = await sql.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'AuditEvent'`);

  const { rows: size } = await sql.query(`SELECT pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = '"AuditEvent"'::regclass)) AS s`);
  const scale = `${N.toLocaleString("en")} events (200 workspaces, 2,000 projects, 5,000 users, 30 days), ${reused ? "generated by an earlier run" : `generated + indexed in ${genSeconds.toFixed(0)} s`}; table ${size[0].s}; PostgreSQL reached ${reachedBy(databaseUrl)}`;
  printReport({
    title: `Audit search beside its own SQL, ${SEARCHERS} concurrent searchers, ${RUNS} consecutive runs`,
    scale: `${scale}; ${SEARCHERS} searchers × ${ROUNDS} searches per search and run, through a pool like the console's (10 connections); searchAudit() in this process vs its recorded statements run directly on the same pool`,
    postgres: searchSettings,
    tables: [comparisonTable(searchRows)],
  });
  printReport({
    title: "Webhook ingest beside COPY",
    scale: `${scale}; EventLists of 400, ${POSTERS} concurrent posters for ${INGEST_SECONDS} s in each of ${RUNS} runs (${ingestedEvents.toLocaleString("en")} events in all, ${mappedEvents.toLocaleString("en")} mapped to ws-7) vs psql \\copy of each run's events into the same partitioned table (${indexes[0].n} indexes) after it`,
    postgres: ingestSettings,
    tables: [comparisonTable([{ measure: "events/s", unit: "events/s", runs: ingestRuns, target: allOf(atLeastShare(0.5), atLeast(20_000, "events/s")), digits: 0 }])],
  });
  await sql.end();
  await db().$disconnect();

  async function walPosition(): Promise<string> {
    return (await sql.query(`SELECT pg_current_wal_insert_lsn() AS at`)).rows[0].at;
  }
  async function walSince(from: string): Promise<number> {
    return Number((await sql.query(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS n`, [from])).rows[0].n);
  }

  /** Generates the events set-based in SQL, indexes dropped during the load and rebuilt after, like a bulk restore. */
  async function generate(): Promise<number> {
    const t0 = Date.now();
    // The weekly partitions for the 30 days first, then the load with the secondary indexes dropped.
    await sql.query(`SELECT tenantry_audit_partition(d) FROM generate_series(now() - interval '31 days', now() + interval '7 days', interval '1 day') d`);
    const { rows: idx } = await sql.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'AuditEvent' AND indexname NOT IN ('AuditEvent_pkey')`);
    for (const i of idx) await sql.query(`DROP INDEX "${i.indexname}"`);
    const CHUNK = 1_000_000;
    for (let start = 1; start <= N; start += CHUNK) {
      const end = Math.min(N, start + CHUNK - 1);
      await sql.query(
        `INSERT INTO "AuditEvent" ("auditId","source","action","verb","username","resource","namespace","name","cluster","workspace","project",
           "outcome","statusCode","reason","sourceIp","userAgent","receivedAt","completedAt","prevHash","hash")
         SELECT md5(i::text)::uuid,
                CASE WHEN i % 10 < 7 THEN 'kubernetes' ELSE 'console' END,
                CASE WHEN i % 10 < 7 THEN 'k8s.' || r.res || '.' || v.verb ELSE 'project.' || v.verb END,
                v.verb,
                'user-' || ((i * 7919) % 5000),
                r.res,
                'p-' || (i % 2000),
                r.res || '-' || ((i * 31) % 100000),
                'c-' || (i % 5),
                'ws-' || (i % 200),
                'p-' || (i % 2000),
                CASE WHEN i % 100 < 5 THEN 'denied' WHEN i % 100 < 10 THEN 'failure' WHEN i % 100 < 12 THEN 'failure' ELSE 'success' END,
                CASE WHEN i % 100 < 5 THEN 403 WHEN i % 100 < 10 THEN 404 WHEN i % 100 < 12 THEN 500 ELSE 200 END,
                NULL,
                '10.' || ((i / 65536) % 256) || '.' || ((i / 256) % 256) || '.' || (i % 256),
                'kubectl/v1.31.2',
                now() - interval '30 days' + (i::float8 / $2) * interval '30 days',
                now() - interval '30 days' + (i::float8 / $2) * interval '30 days' + interval '5 milliseconds',
                md5((i - 1)::text) || md5((i - 1)::text), md5(i::text) || md5(i::text)
         FROM generate_series($1::bigint, $3::bigint) AS i,
              LATERAL (SELECT (ARRAY['pods','deployments','configmaps','secrets','services','projects','members','roles'])[1 + (i % 8)] AS res) r,
              LATERAL (SELECT (ARRAY['get','list','create','update','patch','delete','watch'])[1 + ((i / 8) % 7)] AS verb) v`,
        [start, N, end],
      );
      process.stderr.write(`\rgenerated ${end.toLocaleString("en")} / ${N.toLocaleString("en")} events…`);
    }
    process.stderr.write("\rrebuilding indexes…                                   ");
    // pg_indexes spells a partitioned index "ON ONLY" (the parent alone): rebuild it on every partition.
    for (const i of idx) await sql.query(i.indexdef.replace(" ON ONLY ", " ON "));
    await sql.query(`VACUUM ANALYZE "AuditEvent"`);
    const seconds = (Date.now() - t0) / 1000;
    // Measure a settled server, as after a restore: the load's gigabytes written out first, not during the searches.
    process.stderr.write("\rwriting the load out…                                 ");
    await sql.query("CHECKPOINT");
    execSync("sync");
    process.stderr.write("\r");
    return seconds;
  }

  /** Tenancy for the principals: a platform admin and a workspace admin of ws-7 (whose searches are scoped). */
  async function tenancy() {
    const c = await db().cluster.create({ data: { name: "bench", credentials: "v1.unused" } });
    const w = await db().workspace.create({ data: { name: "ws-7" } });
    await db().user.create({ data: { username: "bench-admin", platformRole: "platform-admin" } });
    const wsAdmin = await db().user.create({ data: { username: "bench-ws-admin" } });
    await db().workspaceMember.create({ data: { workspaceId: w.id, userId: wsAdmin.id, role: "admin" } });
    for (let p = 7; p < 2000; p += 200) await db().project.create({ data: { name: `p-${p}`, workspaceId: w.id, clusterId: c.id } });
    return c;
  }
}

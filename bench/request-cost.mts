// Where an authorised list request's time goes (#18 item 4), in this process and without a production build: the
// handler of GET /api/v1/workspaces/{ws}/projects called as Next calls it (a request scope, a session cookie), beside
// its parts — the caller (currentUser), their bindings (principalFor), the page (listProjects) — and the page's own
// statements run directly on the pool; then the same for the other list routes' handlers and pages (workspaces,
// members; users, invitees and clusters as their pages). Per request, one after another: p50 / p95, this process's
// CPU, statements sent and PostgreSQL's planning and execution time (pg_stat_statements). Same PostgreSQL 15 as the
// other benches.
// COST_BENCH_REQUESTS (500) per line; COST_BENCH_WORKSPACES (100; 10 projects each, the user admin of half of them).
// A CPU profile of the same: add --execArgv=--cpu-prof --execArgv=--cpu-prof-dir=/tmp/prof to the vitest command.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import pg from "pg";
import { test } from "vitest";
import { bulkLoad, percentile, startBenchPostgres } from "./support/postgres";
import { markdownTable, postgresSettings, printReport } from "./support/report";

const REQUESTS = Number(process.env.COST_BENCH_REQUESTS || 500);
const WS = Number(process.env.COST_BENCH_WORKSPACES || 100);

// As Next's server does before loading its modules: request scopes (cookies()) need it. Everything of Next's and
// ours is imported below, after it.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
process.env.NEXTAUTH_URL = "http://localhost";
process.env.NEXTAUTH_SECRET ??= "request-cost-bench-secret";
process.env.TENANTRY_SECRET_KEY ??= "request-cost-bench-secret-key";
process.env.LOG_LEVEL = "warn";

// Run by vitest (bench/vitest.config.ts), which loads next-auth's CommonJS modules as Next does; plain Node does not.
test("request cost", async () => {
  const server = await startBenchPostgres("tenantry_cost_bench", "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on");
  process.env.DATABASE_URL = server.url;
  const { migrate } = await import("../lib/setup/migrate.ts");
  await migrate(server.url);
  const { poolConfig } = await import("../lib/db/connection.ts");
  const sql = new pg.Client(poolConfig(server.url));
  await sql.connect();
  await sql.query("CREATE EXTENSION pg_stat_statements");
  await bulkLoad(sql, () =>
    sql.query(`
      INSERT INTO "Cluster"(id, name, credentials, health, "updatedAt") VALUES (gen_random_uuid(), 'bench', 'v1.unused', 'ready', now());
      INSERT INTO "User"(id, username, "updatedAt") SELECT gen_random_uuid(), 'u' || g, now() FROM generate_series(0, ${WS * 10 - 1}) g;
      INSERT INTO "User"(id, username, "updatedAt") VALUES (gen_random_uuid(), 'bench-user', now());
      INSERT INTO "Workspace"(id, name, "updatedAt") SELECT gen_random_uuid(), 'ws' || lpad(g::text, 5, '0'), now() FROM generate_series(0, ${WS - 1}) g;
      INSERT INTO "WorkspaceCluster"("workspaceId", "clusterId") SELECT w.id, c.id FROM "Workspace" w, "Cluster" c;
      INSERT INTO "Project"(id, "workspaceId", "clusterId", name, status, "updatedAt")
        SELECT gen_random_uuid(), w.id, c.id, w.name || '-p' || g, 'ready', now() FROM "Workspace" w, "Cluster" c, generate_series(0, 9) g;
      INSERT INTO "WorkspaceMember"("workspaceId", "userId", role)
        SELECT w.id, u.id, 'viewer' FROM "Workspace" w JOIN "User" u ON u.username LIKE 'u%' AND hashtext(u.username || w.name) % 10 = 0;
      INSERT INTO "ProjectMember"("projectId", "userId", role)
        SELECT p.id, u.id, 'operator' FROM "Project" p JOIN "User" u ON u.username LIKE 'u%' AND hashtext(u.username || p.name) % 100 = 0;
      INSERT INTO "WorkspaceMember"("workspaceId", "userId", role)
        SELECT w.id, (SELECT id FROM "User" WHERE username = 'bench-user'), 'admin' FROM "Workspace" w WHERE w.name < 'ws' || lpad(${Math.floor(WS / 2)}::text, 5, '0');
    `),
  );
  await sql.query("VACUUM ANALYZE");

  const { pool } = await import("../lib/db/client.ts");
  const { recordStatements, sendAgain } = await import("./support/statements.ts");
  const { openSession } = await import("../lib/identity/sessions.ts");
  const { encode } = await import("next-auth/jwt");
  const { currentUser, principalFor } = await import("../lib/auth/session.ts");
  const { listProjects } = await import("../lib/tenancy/projects.ts");
  const { pageQuery } = await import("../lib/schemas/common.ts");
  const { GET } = await import("../app/api/v1/workspaces/[ws]/projects/route.ts");
  const { GET: workspacesGET } = await import("../app/api/v1/workspaces/route.ts");
  const { GET: membersGET } = await import("../app/api/v1/workspaces/[ws]/members/route.ts");
  const { listWorkspaces } = await import("../lib/tenancy/workspaces.ts");
  const { listMembers } = await import("../lib/tenancy/members.ts");
  const { listUsers } = await import("../lib/tenancy/users.ts");
  const { listInvitees } = await import("../lib/tenancy/invitees.ts");
  const { listClusters } = await import("../lib/tenancy/clusters.ts");
  const { resolveScope } = await import("../lib/tenancy/scope.ts");

  // Signed in as next-auth's jwt callback does it: a server-side session row, its id in the encrypted cookie.
  const user = (await sql.query(`SELECT id FROM "User" WHERE username = 'bench-user'`)).rows[0] as { id: string };
  const session = await openSession(user.id, "local", {});
  const jwt = await encode({ token: { name: "bench-user", uid: user.id, sid: session.id }, secret: process.env.NEXTAUTH_SECRET! });
  const cookie = `next-auth.session-token=${jwt}`;
  const WS_NAME = "ws00042";
  const PATH = `/api/v1/workspaces/${WS_NAME}/projects`;

  // Next's own CommonJS instances, the ones next/headers reads (as tests/support/call-route.ts does).
  const require = createRequire(import.meta.url);
  const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external");
  const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external");
  const { createRequestStoreForAPI } = require("next/dist/server/async-storage/request-store");
  function inRequestScope<T>(req: Request, fn: () => Promise<T>): Promise<T> {
    const url = new URL(req.url);
    const store = createRequestStoreForAPI({ headers: req.headers }, url, undefined, undefined, undefined);
    return workAsyncStorage.run({ route: url.pathname, forceStatic: false, dynamicShouldError: false }, () => workUnitAsyncStorage.run(store, fn));
  }
  const request = () => new Request(`http://localhost${PATH}`, { headers: { cookie } });

  // Every statement this process sends (Prisma's adapter's too): counted, and recorded.
  const recording = recordStatements(sql);

  const rows: string[][] = [];
  async function measure(name: string, once: () => Promise<unknown>) {
    for (let i = 0; i < 50; i++) await once(); // warm-up: JIT, Prisma's and PostgreSQL's caches
    recording.sent = [];
    await sql.query("SELECT pg_stat_statements_reset()");
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      await once();
      samples.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    const statements = recording.sent.length;
    const [pgTime] = (
      await sql.query(`SELECT coalesce(sum(total_plan_time), 0) AS plan, coalesce(sum(total_exec_time), 0) AS exec FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`)
    ).rows;
    const per = (v: number) => (v / REQUESTS).toFixed(2);
    rows.push([name, percentile(samples, 50).toFixed(2), percentile(samples, 95).toFixed(2), per((cpu.user + cpu.system) / 1000), per(statements), per(Number(pgTime.plan)), per(Number(pgTime.exec))]);
  }

  const probe = await inRequestScope(request(), async () => (await GET(request(), { params: Promise.resolve({ ws: WS_NAME }) })).json());
  if (!Array.isArray(probe.items) || probe.items.length !== 10) throw new Error(`${PATH} answered ${JSON.stringify(probe).slice(0, 300)}`);
  const signedIn = (await inRequestScope(request(), () => currentUser(request())))!;
  const principal = await principalFor(signedIn, { workspace: WS_NAME });
  recording.sent = [];
  await listProjects(principal, WS_NAME, pageQuery.parse({}));
  const page = recording.sent;
  recording.sent = []; // measure() warms up before it starts a new array

  await measure(`GET ${PATH} (the route handler, session cookie)`, async () => {
    const res = await inRequestScope(request(), () => GET(request(), { params: Promise.resolve({ ws: WS_NAME }) }));
    if (res.status !== 200) throw new Error(`${PATH} answered ${res.status}`);
    await res.arrayBuffer();
  });
  await measure("currentUser(): session cookie → live session → user", () => inRequestScope(request(), () => currentUser(request())));
  await measure(`principalFor(user, { workspace: "${WS_NAME}" })`, () => principalFor(signedIn, { workspace: WS_NAME }));
  await measure("listProjects(): the page", () => listProjects(principal, WS_NAME, pageQuery.parse({})));
  await measure(`the page's own statements (${page.length}), directly on the pool`, async () => {
    await sendAgain(page);
  });

  // The other list routes: each handler as Next calls it, each page function, and the statements that page sends
  // sent directly. The members and invitees pages get the scope the handler names (resolved once, outside the
  // measurement; the handler line includes whatever resolving it costs).
  async function direct(name: string, once: () => Promise<unknown>) {
    recording.sent = [];
    await once();
    const statements = recording.sent;
    recording.sent = []; // measure() warms up before it starts a new array
    await measure(`${name}: the page`, once);
    await measure(`${name}: its ${statements.length} statement(s) directly on the pool`, async () => {
      await sendAgain(statements);
    });
  }
  async function handler(path: string, h: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, params: Record<string, string>) {
    const req = () => new Request(`http://localhost${path}`, { headers: { cookie } });
    await measure(`GET ${path} (the route handler)`, async () => {
      const res = await inRequestScope(req(), () => h(req(), { params: Promise.resolve(params) }));
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.arrayBuffer();
    });
  }
  const everyone = await principalFor(signedIn, {});
  const scope = await resolveScope({ workspace: WS_NAME });
  await handler("/api/v1/workspaces?limit=100", workspacesGET as never, {});
  await direct("listWorkspaces(limit 100)", () => listWorkspaces(everyone, pageQuery.parse({ limit: "100" })));
  await handler(`/api/v1/workspaces/${WS_NAME}/members`, membersGET as never, { ws: WS_NAME });
  await direct("listMembers()", () => listMembers(scope, pageQuery.parse({})));
  await direct("listUsers(limit 100)", () => listUsers(pageQuery.parse({ limit: "100" })));
  await direct("listInvitees()", () => listInvitees(scope, pageQuery.parse({})));
  await direct("listClusters()", () => listClusters());

  printReport({
    title: "Where an authorised list request's time goes (in-process, one request after another)",
    scale: `${WS} workspaces, ${WS * 10} projects, ${WS * 10 + 1} users; the user admin of ${Math.floor(WS / 2)} workspaces; ${REQUESTS} requests per line after 50 to warm up`,
    postgres: await postgresSettings(sql),
    tables: [markdownTable(["measure", "p50 ms", "p95 ms", "CPU ms / request (this process)", "statements / request", "PostgreSQL planning ms / request", "execution ms / request"], rows)],
  });
  await sql.end();
  recording.stop();
  await pool().end();
  server.stop();
}, 3_600_000);

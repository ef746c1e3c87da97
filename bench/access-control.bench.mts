// Access control at scale (issue 4 §13, #18). On a real PostgreSQL 15: 10,000 workspaces, 100,000 projects,
// 100,000 users and 1,000,000 memberships (+ 5,000 of the bench user), seeded set-based with durability off, then
// measured with it on. Reports authorize() p50/p99 per decision as the loaded bindings grow, decisions/s beside
// node-casbin (RBAC with domains) on the same policy; then, against the production build: p95 of each list route
// for a user in 5,000 workspaces beside the same page's own SQL run directly on a pool like the console's, and
// an authorised read route under 50 concurrent clients beside a bare route handler answering the same JSON.
// Scale: ACCESS_BENCH_SCALE (default 1 = the numbers; 0.01 for a quick run). ACCESS_BENCH_CLIENTS (50) and
// ACCESS_BENCH_SECONDS (10): the load of the read route comparison; ACCESS_BENCH_SAMPLES (200): requests per list route.
// ACCESS_BENCH_WARMUP (5): seconds of load on each of the two before the first run (the JIT compiles the read route's
// far larger path for tens of seconds: in the first windows compiler threads took a core's third beside the server).
// The console and the bench's own pool reach PostgreSQL by its Unix socket, as a console beside its database would
// (lib/db/connection.ts); ACCESS_BENCH_TCP=1 goes over TCP on loopback instead. ACCESS_BENCH_LIST_WARMUP (600):
// requests to each list route, one after another, before the first run.
// ACCESS_BENCH_RUNS (3): consecutive runs of both comparisons, printed as min / median / max; a target is met when every
// run meets it. The read route and the bare handler take turns, first one then the other, so a drift of the machine's
// speed during the runs falls on both.
// The server logs at LOG_LEVEL=warn: the demo launcher pretty-prints each request line in a third process, which
// on two cores would be measured too.
import { spawn } from "node:child_process";
import http from "node:http";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { newEnforcer, newModelFromString } from "casbin";
import pg from "pg";
import { authorize, projectKey, type Grant, type Principal } from "../lib/rbac/authorize";
import { builtinRole, builtinRoles, templates } from "../lib/rbac/catalogue";
import { poolConfig } from "../lib/db/connection";
import { migrate } from "../lib/setup/migrate";
import { hashPassword } from "../lib/auth/password";
import { freePort } from "../lib/net/free-port";
import { bulkLoad, percentile, reachedBy, startBenchPostgres } from "./support/postgres";
import { benchDistDir } from "./support/build.ts";
import { getter, load, type LoadResult } from "./support/load";
import { recordStatements, sendAgain, type Statement } from "./support/statements.ts";
import { atLeastShare, atMostTimes, comparisonTable, markdownTable, postgresSettings, printReport, type Comparison } from "./support/report";

const SCALE = Number(process.env.ACCESS_BENCH_SCALE || 1);
const WS = Math.round(10_000 * SCALE);
const PROJECTS = WS * 10;
const USERS = Math.round(100_000 * SCALE);
const MEMBERSHIPS = Math.round(1_000_000 * SCALE);
const BENCH_WS = Math.min(5_000, WS / 2);
const PASSWORD = "bench-password-123";

const CLIENTS = Number(process.env.ACCESS_BENCH_CLIENTS || 50);
const SECONDS = Number(process.env.ACCESS_BENCH_SECONDS || 10);
const SAMPLES = Number(process.env.ACCESS_BENCH_SAMPLES || 200);
const RUNS = Number(process.env.ACCESS_BENCH_RUNS || 3);
const WARMUP = Number(process.env.ACCESS_BENCH_WARMUP || 5);
const LIST_WARMUP = Number(process.env.ACCESS_BENCH_LIST_WARMUP || 600);
const OVER_TCP = process.env.ACCESS_BENCH_TCP === "1";

const rows: [string, string, string][] = [];
const row = (what: string, scale: string, figure: string) => rows.push([what, scale, figure]);

// ---- 1. authorize(): per decision, as the caller's loaded bindings grow ---------------------------------
const grant = (level: "platform" | "workspace" | "project", role: string): Grant => ({ role, permissions: new Set(builtinRole(level, role)!.templates) });
function principalWith(workspaces: number): Principal {
  return {
    userId: "u",
    username: "bench",
    active: true,
    platform: grant("platform", "platform-regular"),
    workspaces: new Map(Array.from({ length: workspaces }, (_, i) => [`ws${i}`, grant("workspace", i % 2 ? "admin" : "viewer")])),
    projects: new Map(Array.from({ length: workspaces }, (_, i) => [projectKey(`ws${i}`, `p${i}`), grant("project", "operator")])),
  };
}
const actions = templates.filter((t) => t.level !== "platform").map((t) => t.name);
function decisions(p: Principal, n: number, spread: number) {
  const samples: number[] = [];
  let allowed = 0;
  for (let i = 0; i < n; i++) {
    const w = i % spread;
    const action = actions[i % actions.length]!;
    const t0 = process.hrtime.bigint();
    if (authorize(p, action, { workspace: `ws${w}`, project: i % 3 ? `p${w}` : `other${w}` }).allowed) allowed++;
    samples.push(Number(process.hrtime.bigint() - t0));
  }
  return { samples, allowed };
}
for (const size of [1, 100, 5_000]) {
  const p = principalWith(size);
  decisions(p, 50_000, size); // warm-up
  const { samples } = decisions(p, 500_000, size);
  row(`authorize() p50 / p99 per decision`, `${size.toLocaleString()} workspace bindings`, `${(percentile(samples, 50) / 1000).toFixed(2)} µs / ${(percentile(samples, 99) / 1000).toFixed(2)} µs`);
}

// ---- 2. decisions/s beside node-casbin on the same policy ------------------------------------------------
const CASBIN_MEMBERSHIPS = Number(process.env.ACCESS_BENCH_CASBIN_MEMBERSHIPS || Math.min(MEMBERSHIPS, 200_000));
const model = newModelFromString(`
[request_definition]
r = sub, dom, obj
[policy_definition]
p = sub, obj
[role_definition]
g = _, _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub, r.dom) && r.obj == p.obj
`);
const enforcer = await newEnforcer(model);
await enforcer.addPolicies(builtinRoles.filter((r) => r.level === "workspace").flatMap((r) => r.templates.map((t) => [`role:${r.name}`, t])));
const wsRoles = ["admin", "viewer", "regular", "self-provisioner"];
const members: [string, number, string][] = Array.from({ length: CASBIN_MEMBERSHIPS }, (_, i) => [`u${i % USERS}`, (i * 7919) % WS, wsRoles[i % 4]!]);
await enforcer.addGroupingPolicies(members.map(([u, w, r]) => [u, `role:${r}`, `ws${w}`]));
const wsActions = templates.filter((t) => t.level === "workspace").map((t) => t.name);
const N = 300_000;
const requests = Array.from({ length: N }, (_, i) => members[(i * 31) % members.length]!).map(([u, w], i) => [u, `ws${w}`, wsActions[i % wsActions.length]!] as const);
// The same decisions through authorize(): each caller's binding for that workspace, loaded as principalFor() would.
const principals = new Map<string, Principal>();
for (const [u, w, r] of members) {
  const p = principals.get(u) ?? { userId: u, username: u, active: true, platform: grant("platform", "platform-regular"), workspaces: new Map(), projects: new Map() };
  (p.workspaces as Map<string, Grant>).set(`ws${w}`, grant("workspace", r));
  principals.set(u, p);
}
// Best of three passes for both, so neither pays for JIT warm-up or a collection of the set-up garbage.
const ours = new Array<boolean>(N);
let oursPerSec = 0;
for (let pass = 0; pass < 3; pass++) {
  const t = performance.now();
  for (let i = 0; i < N; i++) {
    const [u, w, a] = requests[i]!;
    ours[i] = authorize(principals.get(u)!, a, { workspace: w }).allowed;
  }
  oursPerSec = Math.max(oursPerSec, N / ((performance.now() - t) / 1000));
}
const CASBIN_N = Math.min(N, 50_000);
let casbinPerSec = 0;
let agree = 0;
for (let pass = 0; pass < 2; pass++) {
  const t = performance.now();
  agree = 0;
  for (let i = 0; i < CASBIN_N; i++) {
    const [u, w, a] = requests[i]!;
    if ((await enforcer.enforce(u, w, a)) === ours[i]) agree++;
  }
  casbinPerSec = Math.max(casbinPerSec, CASBIN_N / ((performance.now() - t) / 1000));
}
if (agree !== CASBIN_N) throw new Error(`casbin and authorize() disagree on ${CASBIN_N - agree} of ${CASBIN_N} decisions`);
row("decisions/s: authorize()", `${CASBIN_MEMBERSHIPS.toLocaleString()} memberships`, Math.round(oursPerSec).toLocaleString());
row("decisions/s: node-casbin 5.51 (RBAC with domains)", `${CASBIN_MEMBERSHIPS.toLocaleString()} memberships`, `${Math.round(casbinPerSec).toLocaleString()} (authorize() is ${(oursPerSec / casbinPerSec).toFixed(0)}× faster; same answers)`);

printReport({
  title: "Access control: authorize() per decision and beside node-casbin",
  scale: `${CASBIN_MEMBERSHIPS.toLocaleString("en")} memberships for casbin; ACCESS_BENCH_SCALE=${SCALE}`,
  tables: [markdownTable(["measure", "scale", "figure"], rows)],
});

// ---- 3. the console's routes beside their limits (ACCESS_BENCH_HTTP=0 skips it) --------------------------------
if (process.env.ACCESS_BENCH_HTTP !== "0") await routes();
process.exit(0);

async function routes() {
const server = await startBenchPostgres("tenantry_access_bench");
await migrate(server.url);
const sql = new pg.Client(poolConfig(server.url));
await sql.connect();
const seedStarted = performance.now();
// How the console (and the bench's pool, for the limits) reaches PostgreSQL.
const consoleUrl = OVER_TCP ? server.url : server.socketUrl;
await bulkLoad(sql, async () => {
await sql.query(`
  INSERT INTO "Cluster"(id, name, credentials, health, "updatedAt") VALUES (gen_random_uuid(), 'bench', 'v1.unused', 'ready', now());
  INSERT INTO "User"(id, username, "updatedAt") SELECT gen_random_uuid(), 'u' || g, now() FROM generate_series(0, ${USERS - 1}) g;
  INSERT INTO "Workspace"(id, name, "updatedAt") SELECT gen_random_uuid(), 'ws' || lpad(g::text, 5, '0'), now() FROM generate_series(0, ${WS - 1}) g;
  INSERT INTO "WorkspaceCluster"("workspaceId", "clusterId") SELECT w.id, c.id FROM "Workspace" w, "Cluster" c;
  INSERT INTO "Project"(id, "workspaceId", "clusterId", name, status, "updatedAt")
    SELECT gen_random_uuid(), w.id, c.id, w.name || '-p' || g, 'ready', now() FROM "Workspace" w, "Cluster" c, generate_series(0, 9) g;
`);
// Half the memberships in workspaces, half in projects; user k joins workspaces/projects spread across the range.
await sql.query(`
  CREATE TEMP TABLE u AS SELECT id, row_number() OVER (ORDER BY username) - 1 AS k FROM "User";
  CREATE TEMP TABLE w AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM "Workspace";
  CREATE TEMP TABLE p AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM "Project";
  CREATE INDEX ON w(k); CREATE INDEX ON p(k);
  INSERT INTO "WorkspaceMember"("workspaceId", "userId", role)
    SELECT w.id, u.id, (ARRAY['admin','viewer','regular','self-provisioner'])[1 + (u.k + j) % 4]
    FROM u, generate_series(0, ${Math.ceil(MEMBERSHIPS / 2 / USERS) - 1}) j JOIN w ON true WHERE w.k = (u.k + j * ${Math.floor(WS / 5)}) % ${WS};
  INSERT INTO "ProjectMember"("projectId", "userId", role)
    SELECT p.id, u.id, (ARRAY['admin','operator','viewer'])[1 + (u.k + j) % 3]
    FROM u, generate_series(0, ${Math.ceil(MEMBERSHIPS / 2 / USERS) - 1}) j JOIN p ON true WHERE p.k = (u.k * 7 + j * ${Math.floor(PROJECTS / 5)}) % ${PROJECTS};
`);
await sql.query(`INSERT INTO "User"(id, username, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'bench-user', $1, now())`, [await hashPassword(PASSWORD)]);
await sql.query(`INSERT INTO "WorkspaceMember"("workspaceId", "userId", role) SELECT w.id, (SELECT id FROM "User" WHERE username = 'bench-user'), 'admin' FROM w WHERE w.k < ${BENCH_WS}`);
await sql.query("VACUUM ANALYZE");
});
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "WorkspaceMember") + (SELECT count(*) FROM "ProjectMember") AS memberships, (SELECT count(*) FROM "Project") AS projects`)).rows[0];
const seeded = `${WS.toLocaleString("en")} workspaces, ${Number(counts.projects).toLocaleString("en")} projects, ${USERS.toLocaleString("en")} users, ${Number(counts.memberships).toLocaleString("en")} memberships (seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s); a user in ${BENCH_WS.toLocaleString("en")} workspaces; the console and the bench's pool reach PostgreSQL ${reachedBy(consoleUrl)}`;
const bodyFile = `/tmp/tenantry-access-bench-body-${process.pid}.json`;
const port = await freePort();
const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.mts"], {
  env: {
    ...process.env, DATABASE_URL: consoleUrl, PORT: String(port), TENANTRY_DEMO_DATA: "0", TENANTRY_ADMIN_PASSWORD: PASSWORD, TENANTRY_DATA_DIR: `/tmp/tenantry-access-bench-${port}`,
    TENANTRY_NEXT_DIST_DIR: benchDistDir(), TENANTRY_BACKGROUND: "0", TENANTRY_BENCH: "1", TENANTRY_BENCH_BODY: bodyFile, LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
process.on("exit", () => app.kill("SIGTERM"));
await new Promise<void>((resolve, reject) => {
  app.stdout!.on("data", (d: Buffer) => /Tenantry is running/.test(d.toString()) && resolve());
  app.once("exit", (code) => reject(new Error(`the app exited with ${code}`)));
});
const base = `http://localhost:${port}`;
const csrf = await fetch(`${base}/api/auth/csrf`);
const jar = [csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")];
const { csrfToken } = await csrf.json();
const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar[0]! },
  body: new URLSearchParams({ csrfToken, username: "bench-user", password: PASSWORD, json: "true" }),
});
const cookie = [...jar, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");

// The page's own SQL: what the route's data function sends (its one statement, prepared on its connection as the
// console prepares it), recorded in this process on a pool like the console's
// (lib/db/client.ts, 10 connections) and run there directly.
process.env.DATABASE_URL = consoleUrl;
const { pool } = await import("../lib/db/client.ts");
const { grantFor } = await import("../lib/rbac/roles.ts");
const { listWorkspaces } = await import("../lib/tenancy/workspaces.ts");
const { listProjects } = await import("../lib/tenancy/projects.ts");
const { listMembers } = await import("../lib/tenancy/members.ts");
const { listInvitees } = await import("../lib/tenancy/invitees.ts");
const { pageQuery } = await import("../lib/schemas/common.ts");
const user = (await sql.query(`SELECT id FROM "User" WHERE username = 'bench-user'`)).rows[0];
const ws42 = (await sql.query(`SELECT id FROM "Workspace" WHERE name = 'ws00042'`)).rows[0];
// The bindings principalFor() loads for a request in ws00042 (lib/auth/session.ts; next-auth does not load outside Next).
const principal: Principal = {
  userId: user.id, username: "bench-user", active: true, platform: await grantFor("platform", "", "platform-regular"),
  workspaces: new Map([["ws00042", await grantFor("workspace", ws42.id, "admin")]]), projects: new Map(),
};
async function statementsOf(page: () => Promise<unknown>): Promise<Statement[]> {
  const recording = recordStatements(sql);
  try {
    await page();
  } finally {
    recording.stop();
  }
  return recording.sent;
}
async function p95(once: () => Promise<void>) {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + 20; i++) {
    const t = performance.now();
    await once();
    if (i >= 20) samples.push(performance.now() - t);
  }
  return percentile(samples, 95);
}
const lists: { path: string; page: () => Promise<unknown> }[] = [
  { path: "/api/v1/workspaces?limit=100", page: () => listWorkspaces(principal, pageQuery.parse({ limit: "100" })) },
  { path: "/api/v1/workspaces?q=ws0&limit=100", page: () => listWorkspaces(principal, pageQuery.parse({ q: "ws0", limit: "100" })) },
  { path: "/api/v1/workspaces/ws00042/projects", page: () => listProjects(principal, "ws00042", pageQuery.parse({})) },
  { path: "/api/v1/workspaces/ws00042/members", page: () => listMembers({ scope: { workspace: "ws00042" } }, pageQuery.parse({})) },
  { path: "/api/v1/workspaces/ws00042/projects/ws00042-p3/members", page: () => listMembers({ scope: { workspace: "ws00042", project: "ws00042-p3" } }, pageQuery.parse({})) },
  { path: "/api/v1/workspaces/ws00042/invitees", page: () => listInvitees({ scope: { workspace: "ws00042" } }, pageQuery.parse({})) },
];
// One request after another on one keep-alive socket, as a browser's fetches reuse theirs.
const oneSocket = new http.Agent({ keepAlive: true, maxSockets: 1 });
const listRuns: { path: string; statements: Statement[]; get: () => Promise<number> }[] = [];
for (const l of lists) listRuns.push({ path: l.path, statements: await statementsOf(l.page), get: getter(`${base}${l.path}`, oneSocket, { cookie }) });
const listRows: Comparison[] = listRuns.map((l) => ({ measure: `GET ${l.path} p95 (page SQL: ${l.statements.length} statements)`, unit: "ms", runs: [], target: atMostTimes(2, 5, "ms") }));
// Each list route warmed one request after another before the first run, as a server that has been serving: on a
// fresh server the same route's p95 fell run by run (projects 9.9, 8.7, 9.9, 4.6 ms in four runs of 200).
for (const l of listRuns) for (let i = 0; i < LIST_WARMUP; i++) await l.get();
for (let run = 0; run < RUNS; run++) {
  for (const [i, l] of listRuns.entries()) {
    const ours = await p95(async () => {
      const status = await l.get();
      if (status !== 200) throw new Error(`${l.path} answered ${status}`);
    });
    const raw = await p95(async () => {
      await sendAgain(l.statements);
    });
    listRows[i]!.runs.push({ ours, limit: raw });
  }
}
const listSettings = await postgresSettings(sql);

// An authorised read route under load beside a bare route handler of the same server answering the same JSON.
const READ = "/api/v1/workspaces/ws00042/projects";
const body = await fetch(`${base}${READ}`, { headers: { cookie } });
writeFileSync(bodyFile, await body.text());
const bare = "/api/bench/bare";
// The floor under every route: the bare handler, no session and no SQL, one request after another as the lists are timed.
const getBare = getter(`${base}${bare}`, oneSocket);
const floor = await p95(async () => void (await getBare()));
await load(`${base}${READ}`, { connections: CLIENTS, seconds: WARMUP, headers: { cookie } }); // warm-up, both
await load(`${base}${bare}`, { connections: CLIENTS, seconds: WARMUP });
const readRuns: { ours: LoadResult; limit: LoadResult }[] = [];
for (let run = 0; run < RUNS; run++) {
  const loadOurs = () => load(`${base}${READ}`, { connections: CLIENTS, seconds: SECONDS, headers: { cookie } });
  const loadBare = () => load(`${base}${bare}`, { connections: CLIENTS, seconds: SECONDS });
  const bareFirst = run % 2 === 1;
  const first = await (bareFirst ? loadBare() : loadOurs());
  const second = await (bareFirst ? loadOurs() : loadBare());
  const [ours, limit] = bareFirst ? [second, first] : [first, second];
  if (ours.errors || limit.errors) throw new Error(`errors under load: ${ours.errors} on ${READ}, ${limit.errors} on ${bare}`);
  readRuns.push({ ours, limit });
}
const readSettings = await postgresSettings(sql);

printReport({
  title: "List routes beside their page's own SQL",
  scale: `${seeded}; ${SAMPLES} requests per route, one after another, in each of ${RUNS} runs after ${LIST_WARMUP} to each (ACCESS_BENCH_SCALE=${SCALE}); the bare route handler (no session, no SQL) answers in ${floor.toFixed(1)} ms p95 the same way: the floor of any route on this server`,
  postgres: listSettings,
  tables: [comparisonTable(listRows)],
});
printReport({
  title: `Authorised read route beside a bare route handler, ${CLIENTS} concurrent clients`,
  scale: `${seeded}; GET ${READ} as a signed-in workspace admin vs GET ${bare} (the same ${Buffer.byteLength(readFileSync(bodyFile))} bytes of JSON, same server process); ${SECONDS} s each, ${RUNS} runs taking turns, after ${WARMUP} s of load on each`,
  postgres: readSettings,
  tables: [
    comparisonTable([
      { measure: "requests/s", unit: "req/s", runs: readRuns.map((r) => ({ ours: r.ours.perSecond, limit: r.limit.perSecond })), target: atLeastShare(0.5), digits: 0 },
      { measure: "p95", unit: "ms", runs: readRuns.map((r) => ({ ours: r.ours.p95, limit: r.limit.p95 })) },
    ]),
  ],
});
await sql.end();
await pool().end();
app.kill("SIGTERM");
rmSync(bodyFile, { force: true });
server.stop();
}

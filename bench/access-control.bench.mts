// Access control at scale (issue 4 §13). On a real PostgreSQL 15: 10,000 workspaces, 100,000 projects,
// 100,000 users and 1,000,000 memberships, seeded set-based. Reports authorize() p50/p99 per decision as the
// loaded bindings grow, decisions/s beside node-casbin (RBAC with domains) on the same policy, and p95 of
// the list endpoints for a user in 5,000 workspaces, over HTTP against the production build.
// Scale: ACCESS_BENCH_SCALE (default 1 = the numbers; 0.1 for a quick run).
import { spawn } from "node:child_process";
import { newEnforcer, newModelFromString } from "casbin";
import pg from "pg";
import { authorize, projectKey, type Grant, type Principal } from "../lib/rbac/authorize";
import { builtinRole, builtinRoles, templates } from "../lib/rbac/catalogue";
import { poolConfig } from "../lib/db/connection";
import { migrate } from "../lib/setup/migrate";
import { hashPassword } from "../lib/auth/password";
import { freePort } from "../lib/net/free-port";
import { percentile, startBenchPostgres } from "./support/postgres";
import { benchDistDir } from "./support/build.ts";

const SCALE = Number(process.env.ACCESS_BENCH_SCALE || 1);
const WS = Math.round(10_000 * SCALE);
const PROJECTS = WS * 10;
const USERS = Math.round(100_000 * SCALE);
const MEMBERSHIPS = Math.round(1_000_000 * SCALE);
const BENCH_WS = Math.min(5_000, WS / 2);
const PASSWORD = "bench-password-123";

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

// ---- 3. list endpoints over HTTP for a user in 5,000 workspaces (ACCESS_BENCH_HTTP=0 skips it) ------------------
if (process.env.ACCESS_BENCH_HTTP !== "0") await listEndpoints();
printTable();
process.exit(0);

async function listEndpoints() {
const server = await startBenchPostgres("tenantry_access_bench");
await migrate(server.url);
const sql = new pg.Client(poolConfig(server.url));
await sql.connect();
const seedStarted = performance.now();
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
await sql.query("ANALYZE");
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "WorkspaceMember") + (SELECT count(*) FROM "ProjectMember") AS memberships, (SELECT count(*) FROM "Project") AS projects`)).rows[0];
await sql.end();
row("seeded", `${WS.toLocaleString()} workspaces, ${Number(counts.projects).toLocaleString()} projects, ${USERS.toLocaleString()} users, ${Number(counts.memberships).toLocaleString()} memberships`, `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const port = await freePort();
const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.mts"], {
  env: { ...process.env, DATABASE_URL: server.url, PORT: String(port), TENANTRY_DEMO_DATA: "0", TENANTRY_ADMIN_PASSWORD: PASSWORD, TENANTRY_DATA_DIR: `/tmp/tenantry-access-bench-${port}`, TENANTRY_NEXT_DIST_DIR: benchDistDir(), TENANTRY_BACKGROUND: "0" },
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

async function measure(path: string, n = 200) {
  const samples: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    await res.arrayBuffer();
    if (i >= 20) samples.push(performance.now() - t);
  }
  return `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`;
}
const scale = `user in ${BENCH_WS.toLocaleString()} workspaces`;
row("GET /api/v1/workspaces?limit=100", scale, await measure("/api/v1/workspaces?limit=100"));
row("GET /api/v1/workspaces?q=ws0&limit=100", scale, await measure("/api/v1/workspaces?q=ws0&limit=100"));
row("GET /api/v1/workspaces/ws00042/projects", scale, await measure("/api/v1/workspaces/ws00042/projects"));
row("GET /api/v1/workspaces/ws00042/members", scale, await measure("/api/v1/workspaces/ws00042/members"));
app.kill("SIGTERM");
server.stop();
}

function printTable() {
const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(" | ")} |`;
console.log([line(["measure", "scale", "figure"]), line(width.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}

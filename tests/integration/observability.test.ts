// Running it like production (#16 items 3, 4, 7): liveness and readiness, migrations once across replicas, Prometheus metrics behind their token
// whose series move with what the console does, and one JSON log line per request whose request id is the
// response's X-Request-Id and the id of the audit event the request recorded.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { poolConfig } from "@/lib/db/connection";
import { migrate } from "@/lib/setup/migrate";
import { log } from "@/lib/observe/log";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { issueAuditToken } from "@/lib/audit/token";
import { GET as healthz } from "@/app/api/healthz/route";
import { GET as readyz } from "@/app/api/readyz/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { GET as usersRoute } from "@/app/api/v1/users/route";
import { POST as webhook } from "@/app/api/v1/audit/webhook/[cluster]/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { registerSimulator, type TestCluster } from "../support/cluster";

const METRICS_TOKEN = "metrics-test-token";
const controller = withController();
let user: User;
let token: string;
let cluster: TestCluster;

beforeAll(async () => {
  user = await makeUser();
  token = await tokenFor(user);
  cluster = await registerSimulator("observe-sim");
  process.env.TENANTRY_METRICS_TOKEN = METRICS_TOKEN;
});
afterAll(async () => {
  delete process.env.TENANTRY_METRICS_TOKEN;
  await cluster.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { tenantryDraining?: boolean }).tenantryDraining;
});

async function scrape(auth = `Bearer ${METRICS_TOKEN}`): Promise<{ status: number; text: string }> {
  const res = await metricsRoute(new Request("http://localhost/api/metrics", { headers: { authorization: auth } }));
  return { status: res.status, text: await res.text() };
}

/** The value of one series in the exposition text (0 when absent). */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? want.every((w) => l.includes(w)) : false);
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("health", () => {
  it("healthz says the process is alive; readyz checks the database and migrations and refuses while draining", async () => {
    expect((await healthz()).status).toBe(200);
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { database: "up", migrations: "applied", serving: "yes" } });
    (globalThis as { tenantryDraining?: boolean }).tenantryDraining = true;
    const draining = await readyz();
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ ready: false, checks: { serving: "draining" }, reason: "the replica is shutting down" });
  });

  // Three replicas (or their init containers) starting together on a new database: each migration runs once,
  // the others wait and find nothing to do (prisma migrate deploy holds an advisory lock). Needs a server.
  it.runIf(!!process.env.TENANTRY_TEST_DATABASE_URL)("migrations started by three replicas at once apply each migration once", async () => {
    const name = `migrate_${uniqueName("race").replace(/\W/g, "_")}`;
    const admin = new pg.Client(poolConfig(process.env.TENANTRY_TEST_DATABASE_URL));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = Object.assign(new URL(process.env.TENANTRY_TEST_DATABASE_URL!), { pathname: `/${name}` }).toString();
    try {
      await Promise.all([migrate(url), migrate(url), migrate(url)]);
      const fresh = new pg.Client(poolConfig(url));
      await fresh.connect();
      const { rows } = await fresh.query(`SELECT migration_name, count(*)::int AS runs FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1`);
      await fresh.end();
      const shipped = readdirSync(join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
      expect(rows.map((r) => r.migration_name).sort()).toEqual(shipped.sort());
      expect(rows.every((r) => r.runs === 1)).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});

describe("metrics", () => {
  it("answer only the bearer token of TENANTRY_METRICS_TOKEN, and are off without one", async () => {
    expect((await scrape("Bearer wrong")).status).toBe(401);
    expect((await scrape("")).status).toBe(401);
    delete process.env.TENANTRY_METRICS_TOKEN;
    expect((await scrape()).status).toBe(404);
    process.env.TENANTRY_METRICS_TOKEN = METRICS_TOKEN;
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("# TYPE tenantry_http_request_duration_seconds histogram");
    expect(value(ok.text, "tenantry_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
    expect(value(ok.text, "tenantry_cluster_up", { cluster: cluster.name })).toBe(1);
    expect(ok.text).toContain("process_cpu_seconds_total");
  });

  it("move with requests, authorization decisions, audit events, webhook batches and reconciles", async () => {
    const before = (await scrape()).text;
    const me = { route: "/api/v1/me", method: "GET", status: "200" };
    await callRoute(meRoute as Handler, { method: "GET", path: "/api/v1/me", token });
    await callRoute(meRoute as Handler, { method: "GET", path: "/api/v1/me", token });
    // A platform-regular user may not list users: a forbidden decision, and an audited denial.
    expect((await callRoute(usersRoute as Handler, { method: "GET", path: "/api/v1/users", token })).status).toBe(403);
    // A change through a route: its audit event commits with it.
    expect((await callRoute(createToken as Handler, { method: "POST", path: "/api/v1/me/tokens", token, body: { name: uniqueName("m") } })).status).toBe(201);

    const c = uniqueName("obs-c");
    await db().cluster.create({ data: { name: c, credentials: "v1.unused" } });
    const hook = (await issueAuditToken(c, { baseUrl: "https://console.example.com" })).token;
    await webhook(new Request(`http://localhost/api/v1/audit/webhook/${c}`, { method: "POST", headers: { authorization: `Bearer ${hook}` }, body: JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [] }) }), { params: Promise.resolve({ cluster: c }) });
    await webhook(new Request(`http://localhost/api/v1/audit/webhook/${c}`, { method: "POST", headers: { authorization: "Bearer wrong" }, body: "{}" }), { params: Promise.resolve({ cluster: c }) });

    const ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster.name] }, user)).name;
    await createProject(ws, { name: uniqueName("p"), cluster: cluster.name }, user, await principalOf(user.username, { workspace: ws }));
    await controller.settled({ workspace: { name: ws } });

    const after = (await scrape()).text;
    const moved = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(moved("tenantry_http_request_duration_seconds_count", me)).toBe(2);
    expect(moved("tenantry_http_request_duration_seconds_count", { route: "/api/v1/users", method: "GET", status: "403" })).toBe(1);
    expect(moved("tenantry_authorization_decisions_total", { outcome: "forbidden" })).toBeGreaterThanOrEqual(1);
    expect(moved("tenantry_audit_events_recorded_total", { source: "console", outcome: "denied" })).toBeGreaterThanOrEqual(2);
    expect(moved("tenantry_audit_events_recorded_total", { source: "console", outcome: "success" })).toBeGreaterThanOrEqual(1);
    expect(moved("tenantry_audit_webhook_batch_size_count", { cluster: c })).toBe(1);
    expect(moved("tenantry_audit_webhook_failures_total", { cluster: "unauthenticated", status: "401" })).toBe(1);
    expect(moved("tenantry_reconcile_duration_seconds_count", { cluster: cluster.name })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(new RegExp(`tenantry_reconcile_queue_depth\\{cluster="${cluster.name}"\\} \\d+`));
  });
});

describe("request logs and ids", () => {
  it("log one JSON line per request, and its request id is the answer's X-Request-Id and its audit event's id", async () => {
    const lines: string[] = [];
    const level = log().level;
    log().level = "info";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (lines.push(chunk.toString()), true));
    let created;
    try {
      created = await callRoute(createToken as Handler, { method: "POST", path: "/api/v1/me/tokens", token, body: { name: uniqueName("ci") } });
    } finally {
      log().level = level;
      vi.restoreAllMocks();
    }
    expect(created.status).toBe(201);
    const requestId = created.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get("audit-id")).toBe(requestId);
    const entries = lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    const entry = entries.find((e) => e.requestId === requestId);
    expect(entry).toMatchObject({ level: 30, msg: "request", route: "/api/v1/me/tokens", method: "POST", status: 201, user: user.username, auditId: requestId });
    expect(typeof entry.durationMs).toBe("number");
    expect(typeof entry.time).toBe("string");
    // The token shown once is nowhere in the log.
    expect(lines.join("")).not.toContain((created.body as { token: string }).token);
    const event = await db().auditEvent.findFirst({ where: { auditId: requestId } });
    expect(event).toMatchObject({ action: "token.create", username: user.username, outcome: "success" });
  });
});

// #16 item 2, stateless replicas: three `npm start` servers on one PostgreSQL 15 behind HAProxy (round robin, health
// checks on /api/readyz), driven only through HTTP as clients and operators would (tests/replicas/fleet.ts). Runs in
// its own pass (`npm run test:replicas`) on the production build the end-to-end suite made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { poolConfig } from "@/lib/db/connection";
import { LEADER_LOCK } from "@/lib/jobs/background";
import { Caller, send, type Answer } from "./client";
import { startFleet, until, type Fleet, type Replica } from "./fleet";

const INTERVAL_MS = 2000;
const LOCKOUT = 4;
const RATE = 6;

let fleet: Fleet;
let sql: pg.Client;
let admin: Caller;

beforeAll(async () => {
  fleet = await startFleet({
    TENANTRY_RECONCILE_INTERVAL_MS: String(INTERVAL_MS),
    TENANTRY_LOCKOUT_THRESHOLD: String(LOCKOUT),
    TENANTRY_SIGNIN_RATE_LIMIT: String(RATE),
  });
  sql = new pg.Client(poolConfig(fleet.databaseUrl));
  await sql.connect();
  admin = new Caller(fleet.lb);
  expect((await admin.signIn("admin", fleet.adminPassword)).ok).toBe(true);
});

afterAll(async () => {
  await sql?.end();
  await fleet?.stop();
});

const count = async (query: string, params: unknown[] = []) => (await sql.query<{ n: number }>(query, params)).rows[0]!.n;

/** Requests one after another through the balancer: each must land on another replica than the one before. */
function inTurn(caller: Caller) {
  let last: Answer | undefined;
  return async (path: string, opts: Parameters<Caller["send"]>[1] = {}) => {
    const res = await caller.send(path, opts);
    expect(res.replica, `${opts.method ?? "GET"} ${path} went to the replica of the request before`).not.toBe(last?.replica);
    last = res;
    return res;
  };
}

/** The replicas' application names holding the leader lock, as PostgreSQL sees them. */
async function lockHolders(): Promise<string[]> {
  const { rows } = await sql.query<{ app: string }>(
    `SELECT a.application_name AS app FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LEADER_LOCK],
  );
  return rows.map((r) => r.app);
}

async function leader(): Promise<Replica> {
  const holders = await until(async () => {
    const h = await lockHolders();
    return h.length ? h : undefined;
  }, () => "no replica holds the leader lock");
  expect(holders).toHaveLength(1);
  return fleet.replicas.find((r) => `tenantry-${r.name}` === holders[0])!;
}

/** One series' value from a replica's own /api/metrics (0 when absent). */
async function metric(r: Replica, name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await send(`${r.url}/api/metrics`, { headers: { authorization: `Bearer ${fleet.metricsToken}` } });
  expect(res.status).toBe(200);
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = res.body.split("\n").find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").pop()) : 0;
}

/** A project made through the balancer, once the reconciler has made it on the cluster. */
async function readyProject(name: string) {
  const made = await admin.send("/api/v1/workspaces/demo/projects", { method: "POST", body: { name, cluster: fleet.cluster } });
  expect(made.status, made.body).toBe(201);
  await until(
    async () => (await admin.send(`/api/v1/workspaces/demo/projects/${name}`)).json().status === "ready" || undefined,
    () => `project ${name} never became ready`,
    30_000,
  );
}

describe("three replicas behind HAProxy on one PostgreSQL", () => {
  it("a session made through one replica holds on every replica, and ends on all at once", async () => {
    const carol = new Caller(fleet.lb);
    const signIn = await carol.signIn("carol", fleet.demoPassword);
    expect(signIn.ok).toBe(true);
    // The CSRF token came from one replica, the sign-in that checked it was served by another.
    expect(signIn.replicas[0]).not.toBe(signIn.replicas[1]);
    const get = inTurn(carol);
    const answers = [await get("/api/v1/me"), await get("/api/v1/me"), await get("/api/v1/me")];
    expect(answers.map((a) => [a.status, a.json().username])).toEqual([[200, "carol"], [200, "carol"], [200, "carol"]]);
    expect(new Set(answers.map((a) => a.replica))).toEqual(new Set(["r1", "r2", "r3"]));
    for (const r of fleet.replicas) expect((await send(`${r.url}/api/v1/me`, { headers: { cookie: carol.cookieHeader() } })).status).toBe(200);

    const current = (await get("/api/v1/me/sessions")).json<{ items: { id: string; current: boolean }[] }>().items.find((s) => s.current)!;
    expect((await get(`/api/v1/me/sessions/${current.id}`, { method: "DELETE" })).status).toBe(204);
    // Revoked through one replica: refused by every replica from the next request on.
    expect([(await get("/api/v1/me")).status, (await get("/api/v1/me")).status, (await get("/api/v1/me")).status]).toEqual([401, 401, 401]);
  });

  it("a change made through one replica is what the next request, on another replica, sees", async () => {
    const step = inTurn(admin);
    expect((await step("/api/v1/workspaces", { method: "POST", body: { name: "shared", displayName: "Before" } })).status).toBe(201);
    expect((await step("/api/v1/workspaces/shared")).json()).toMatchObject({ name: "shared", displayName: "Before" });
    expect((await step("/api/v1/workspaces/shared", { method: "PATCH", body: { displayName: "After" } })).status).toBe(200);
    expect((await step("/api/v1/workspaces/shared")).json()).toMatchObject({ displayName: "After" });

    // A grant takes effect for its grantee's next request, wherever it lands.
    const bob = new Caller(fleet.lb);
    expect((await bob.signIn("bob", fleet.demoPassword)).ok).toBe(true);
    const asBob = inTurn(bob);
    expect((await asBob("/api/v1/workspaces/shared")).status).toBe(404);
    expect((await step("/api/v1/workspaces/shared/members", { method: "POST", body: { username: "bob", role: "viewer" } })).status).toBe(201);
    expect((await asBob("/api/v1/workspaces/shared")).status).toBe(200);
    expect((await step("/api/v1/workspaces/shared/members/bob", { method: "DELETE" })).status).toBe(204);
    expect((await asBob("/api/v1/workspaces/shared")).status).toBe(404);

    expect((await step("/api/v1/workspaces/shared", { method: "DELETE" })).status).toBe(204);
    expect((await step("/api/v1/workspaces/shared")).status).toBe(404);
  });

  it("lockout and the sign-in rate limit count the attempts made on all replicas together", async () => {
    // TENANTRY_LOCKOUT_THRESHOLD failures, on three replicas, lock the account: its right password is refused next.
    const guesser = new Caller(fleet.lb, "127.0.0.21");
    const served = new Set<string | undefined>();
    for (let i = 0; i < LOCKOUT; i++) {
      const attempt = await guesser.signIn("dave", "wrong-password-guess");
      expect(attempt.ok).toBe(false);
      served.add(attempt.replicas[1]);
    }
    expect(served).toEqual(new Set(["r1", "r2", "r3"]));
    expect((await guesser.signIn("dave", fleet.demoPassword)).ok).toBe(false);
    const records = (await admin.send("/api/v1/users/dave/login-records?limit=10")).json<{ items: { reason: string; sourceIp: string }[] }>().items;
    expect(records.map((r) => r.reason)).toEqual(["account locked", ...Array(LOCKOUT).fill("invalid username or password")]);
    // The client's own address, as the balancer vouched for it (X-Forwarded-For from a trusted proxy).
    expect(new Set(records.map((r) => r.sourceIp))).toEqual(new Set(["127.0.0.21"]));
    expect(await count(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'user.lock' AND name = 'dave'`)).toBe(1);

    // TENANTRY_SIGNIN_RATE_LIMIT sign-ins from one address, on three replicas, use up its window: the next is refused.
    const client = new Caller(fleet.lb, "127.0.0.22");
    const allowed = [];
    for (let i = 0; i < RATE; i++) allowed.push(await client.signIn("bob", fleet.demoPassword));
    expect(allowed.map((a) => a.ok)).toEqual(Array(RATE).fill(true));
    expect(new Set(allowed.map((a) => a.replicas[1]))).toEqual(new Set(["r1", "r2", "r3"]));
    expect((await client.signIn("bob", fleet.demoPassword)).ok).toBe(false);
    const refused = `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'login' AND outcome = 'denied' AND reason = 'rate limited' AND "sourceIp" = $1`;
    expect(await count(refused, ["127.0.0.22"])).toBe(1);
    // The limit is per client address: another client is not held up.
    expect((await new Caller(fleet.lb, "127.0.0.23").signIn("bob", fleet.demoPassword)).ok).toBe(true);
    expect(await count(refused, ["127.0.0.23"])).toBe(0);
  });

  it("exactly one replica runs the background work: the reconciler and the periodic passes", async () => {
    const lead = await leader();
    await until(async () => (await metric(lead, "tenantry_background_passes_total")) > 0 || undefined, () => `${lead.name} ran no background pass`);
    await readyProject("replicated-1");
    for (const r of fleet.replicas) {
      const leads = r === lead ? 1 : 0;
      expect(await metric(r, "tenantry_background_leader"), r.name).toBe(leads);
      expect((await metric(r, "tenantry_background_passes_total")) > 0, r.name).toBe(r === lead);
      expect((await metric(r, "tenantry_reconcile_duration_seconds_count", { cluster: fleet.cluster })) > 0, r.name).toBe(r === lead);
    }
  });

  it("when the leader is killed, another replica takes the background work over within one interval", async () => {
    const old = await leader();
    const killedAt = Date.now();
    await fleet.kill(old);
    const holder = await until(
      async () => (await lockHolders()).find((h) => h !== `tenantry-${old.name}`),
      () => "no replica took the leader lock over",
      10_000,
    );
    const tookMs = Date.now() - killedAt;
    expect(tookMs, `took over in ${tookMs} ms (interval ${INTERVAL_MS} ms)`).toBeLessThanOrEqual(INTERVAL_MS + 1000);
    const lead = fleet.replicas.find((r) => `tenantry-${r.name}` === holder)!;
    expect(await lockHolders()).toEqual([holder]);
    console.log(`leader ${old.name} killed: ${lead.name} took the background work over in ${tookMs} ms (interval ${INTERVAL_MS} ms)`);

    // The new leader reconciles what changes from now on, and runs the periodic passes; the other replica neither.
    await readyProject("replicated-2");
    await until(async () => (await metric(lead, "tenantry_background_passes_total")) > 0 || undefined, () => `${lead.name} ran no background pass`);
    for (const r of fleet.replicas) {
      expect(await metric(r, "tenantry_background_leader"), r.name).toBe(r === lead ? 1 : 0);
      expect((await metric(r, "tenantry_reconcile_duration_seconds_count", { cluster: fleet.cluster })) > 0, r.name).toBe(r === lead);
    }
  });

  it("killing a replica mid-load loses only the requests in flight on it, and no audit event", async () => {
    const lead = await leader();
    const victim = fleet.replicas.find((r) => r !== lead)!;
    const TOTAL = 90;
    const CONCURRENCY = 6;
    const KILL_AT = 30;
    const results: { i: number; res: Answer }[] = [];
    const pending = new Set<number>();
    // In flight on it: pending when it was sent SIGKILL, or sent before it was gone (a dying process still
    // accepts connections until the kernel closes its sockets).
    const inFlightAtKill = new Set<number>();
    let dying = false;
    let killed: Promise<void> | undefined;
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        pending.add(i);
        if (dying) inFlightAtKill.add(i);
        const res = await admin.send("/api/v1/workspaces", { method: "POST", body: { name: `load-${i}` } });
        pending.delete(i);
        results.push({ i, res });
        if (results.length === KILL_AT) {
          pending.forEach((p) => inFlightAtKill.add(p));
          dying = true;
          killed = fleet.kill(victim).then(() => void (dying = false));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;

    const ok = results.filter((r) => r.res.status === 201 && !r.res.aborted);
    const failed = results.filter((r) => !ok.includes(r));
    // A failure is a request that was in flight on the killed replica when it died: HAProxy answers 502 naming it,
    // or, when the replica had begun its answer, cuts the connection after its headers.
    for (const f of failed) {
      expect(inFlightAtKill.has(f.i), `request ${f.i} was sent after the replica was gone and failed: ${f.res.status}`).toBe(true);
      expect([f.res.status === 502 || f.res.aborted, f.res.replica], `request ${f.i} answered ${f.res.status} ${f.res.body.slice(0, 300)}\n${victim.name} printed:\n${victim.output().slice(-2000)}`).toEqual([true, victim.name]);
    }
    expect(ok.length).toBeGreaterThanOrEqual(TOTAL - inFlightAtKill.size);
    expect(results.some((r) => r.i < KILL_AT && r.res.replica === victim.name && r.res.status === 201)).toBe(true);

    // Every 201 has its audit event (the Audit-Id it answered), and every workspace made has its event.
    const ids = ok.map((r) => r.res.headers["audit-id"]);
    expect(await count(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "auditId" = ANY($1::uuid[]) AND action = 'workspace.create' AND outcome = 'success'`, [ids])).toBe(ok.length);
    const made = await count(`SELECT count(*)::int AS n FROM "Workspace" WHERE name LIKE 'load-%'`);
    expect(await count(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'workspace.create' AND outcome = 'success' AND name LIKE 'load-%'`)).toBe(made);
    expect(made).toBeGreaterThanOrEqual(ok.length);
    expect(made).toBeLessThanOrEqual(ok.length + failed.length);

    // The balancer has stopped sending to it; the survivor serves every request.
    const after = [];
    for (let i = 0; i < 4; i++) after.push(await admin.send("/api/v1/me"));
    expect(after.map((a) => [a.status, a.replica])).toEqual(Array(4).fill([200, lead.name]));
    console.log(`load: ${TOTAL} creates, ${inFlightAtKill.size} in flight at the kill of ${victim.name}, ${failed.length} lost with it, ${made} workspaces and audit events`);
  });
});

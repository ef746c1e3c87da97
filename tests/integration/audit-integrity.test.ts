// Scoped visibility (search, histogram, export), chain verification with tamper detection, append-only, retention.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { poolConfig } from "@/lib/db/connection";
import { record } from "@/lib/audit/record";
import { auditHistogram, exportAudit, searchAudit } from "@/lib/audit/search";
import { verifyChain } from "@/lib/audit/verify";
import { runAuditRetention } from "@/lib/audit/retention";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

const tag = uniqueName("vis");
let wsA: string, wsB: string, pA1: string, pA2: string, pB1: string;
const users: Record<string, string> = {};

async function member(kind: "workspace" | "project", ws: string, project: string | null, role: string) {
  const u = await makeUser();
  if (kind === "workspace") {
    const w = await db().workspace.findUniqueOrThrow({ where: { name: ws } });
    await db().workspaceMember.create({ data: { workspaceId: w.id, userId: u.id, role } });
  } else {
    const p = await db().project.findFirstOrThrow({ where: { name: project!, workspace: { name: ws } } });
    await db().projectMember.create({ data: { projectId: p.id, userId: u.id, role } });
  }
  return u.username;
}

const names = async (who: string) =>
  (await searchAudit(await principalOf(who), { limit: 500, q: tag })).items.map((e) => e.name).sort();

async function exported(who: string, format: "csv" | "ndjson") {
  return new Response(await exportAudit(await principalOf(who), { q: tag }, format, 2)).text();
}

beforeAll(async () => {
  [wsA, wsB, pA1, pA2, pB1] = [uniqueName("wsa"), uniqueName("wsb"), uniqueName("pa1"), uniqueName("pa2"), uniqueName("pb1")];
  const c = await db().cluster.create({ data: { name: uniqueName("vis-c"), credentials: "v1.unused" } });
  for (const [ws, projects] of [[wsA, [pA1, pA2]], [wsB, [pB1]]] as const) {
    const w = await db().workspace.create({ data: { name: ws } });
    for (const p of projects) await db().project.create({ data: { name: p, workspaceId: w.id, clusterId: c.id } });
  }
  users.platformAdmin = (await makeUser("platform-admin")).username;
  users.wsAdminA = await member("workspace", wsA, null, "admin");
  users.wsViewerA = await member("workspace", wsA, null, "viewer");
  users.wsRegularA = await member("workspace", wsA, null, "regular");
  // A custom role that may only read the audit log: its permissions come from the database, not the catalogue.
  const wA = await db().workspace.findUniqueOrThrow({ where: { name: wsA } });
  await db().customRole.create({ data: { level: "workspace", scopeId: wA.id, workspaceId: wA.id, name: "auditor", templates: ["workspace-audit.view"] } });
  users.wsAuditorA = await member("workspace", wsA, null, "auditor");
  users.operatorA1 = await member("project", wsA, pA1, "operator");
  users.viewerB1 = await member("project", wsB, pB1, "viewer");
  users.outsider = (await makeUser()).username;
  const at = new Date();
  const ev = (name: string, extra: object) =>
    record({ action: "test.visibility", verb: "create", outcome: "success", statusCode: 201, name, reason: tag, receivedAt: at, ...extra });
  await ev("a", { workspace: wsA });
  await ev("a1", { workspace: wsA, project: pA1 });
  await ev("a1-k8s", { workspace: wsA, project: pA1, namespace: pA1, source: "kubernetes", cluster: c.name });
  await ev("a2", { workspace: wsA, project: pA2 });
  await ev("b", { workspace: wsB });
  await ev("b1", { workspace: wsB, project: pB1, statusCode: 403, outcome: "denied" });
  await ev("platform", {});
});

describe("audit visibility", () => {
  const expected: Record<string, string[]> = {
    platformAdmin: ["a", "a1", "a1-k8s", "a2", "b", "b1", "platform"],
    wsAdminA: ["a", "a1", "a1-k8s", "a2"],
    wsViewerA: ["a", "a1", "a1-k8s", "a2"],
    wsRegularA: [],
    wsAuditorA: ["a", "a1", "a1-k8s", "a2"],
    operatorA1: ["a1", "a1-k8s"],
    viewerB1: ["b1"],
    outsider: [],
  };

  it.each(Object.keys(expected))("%s sees exactly its scopes in search", async (who) => {
    expect(await names(users[who]!)).toEqual(expected[who]);
  });

  // A workspace filter takes the other way to the same boundary (what the caller may audit there, looked up before the page).
  it.each(Object.keys(expected))("%s sees exactly its scopes inside each workspace", async (who) => {
    const principal = await principalOf(users[who]!);
    for (const [workspace, prefix] of [[wsA, "a"], [wsB, "b"]] as const) {
      const seen = (await searchAudit(principal, { limit: 500, q: tag, workspace })).items.map((e) => e.name).sort();
      expect(seen).toEqual(expected[who]!.filter((n) => n.startsWith(prefix)));
      const h = await auditHistogram(principal, { q: tag, workspace, interval: "1h" });
      expect(h.buckets.reduce((n, b) => n + b.count, 0)).toBe(seen.length);
    }
  });

  it("holds through explicit filters for another tenant's scope", async () => {
    const op = await principalOf(users.operatorA1!);
    expect((await searchAudit(op, { limit: 50, q: tag, workspace: wsB })).items).toEqual([]);
    expect((await searchAudit(op, { limit: 50, q: tag, workspace: wsA, project: pA2 })).items).toEqual([]);
    const admin = await principalOf(users.wsAdminA!);
    expect((await searchAudit(admin, { limit: 50, q: tag, project: pA1 })).items.map((e) => e.name).sort()).toEqual(["a1", "a1-k8s"]);
    expect((await searchAudit(admin, { limit: 50, q: tag, source: "kubernetes" })).items.map((e) => e.name)).toEqual(["a1-k8s"]);
  });

  it.each(Object.keys(expected))("%s sees exactly its scopes in the histogram", async (who) => {
    const h = await auditHistogram(await principalOf(users[who]!), { q: tag, interval: "1h" });
    expect(h.buckets.reduce((n, b) => n + b.count, 0)).toBe(expected[who]!.length);
  });

  it.each(Object.keys(expected))("%s sees exactly its scopes in the export", async (who) => {
    const ndjson = (await exported(users[who]!, "ndjson")).trim();
    const lines = ndjson ? ndjson.split("\n").map((l) => JSON.parse(l).name).sort() : [];
    expect(lines).toEqual(expected[who]);
    const csv = (await exported(users[who]!, "csv")).trim().split("\r\n");
    expect(csv[0]).toMatch(/^seq,auditId,receivedAt/);
    expect(csv).toHaveLength(expected[who]!.length + 1);
  });

  it("filters by status class, outcome and the histogram's denied count", async () => {
    const admin = await principalOf(users.platformAdmin!);
    expect((await searchAudit(admin, { limit: 50, q: tag, status: "4xx" })).items.map((e) => e.name)).toEqual(["b1"]);
    expect((await searchAudit(admin, { limit: 50, q: tag, outcome: "denied" })).items.map((e) => e.name)).toEqual(["b1"]);
    const h = await auditHistogram(admin, { q: tag, interval: "auto" });
    expect(h.buckets.reduce((n, b) => n + b.denied, 0)).toBe(1);
  });
});

async function asOwner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(poolConfig());
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe("audit integrity", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of events", async () => {
    await asOwner(async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET "username" = 'x' WHERE "reason" = $1`, [tag])).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM "AuditEvent" WHERE "reason" = $1`, [tag])).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    });
  });

  it("verifies the chain intact, then finds the first tampered event", async () => {
    const before = await verifyChain();
    expect(before).toMatchObject({ intact: true });
    expect(before.checked).toBeGreaterThan(5);
    const victim = await db().auditEvent.findFirstOrThrow({ where: { reason: tag, name: "a1" } });
    // An attacker with database rights: switch the trigger off and rewrite who did it.
    const tamper = (username: string | null) =>
      asOwner(async (c) => {
        await c.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        try {
          await c.query(`UPDATE "AuditEvent" SET "username" = $1 WHERE "seq" = $2`, [username, victim.seq.toString()]);
        } finally {
          await c.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
        }
      });
    await tamper("innocent-bystander");
    try {
      const after = await verifyChain({ batch: 3 });
      expect(after.intact).toBe(false);
      expect(after.broken).toMatchObject({ seq: victim.seq.toString(), auditId: victim.auditId });
      expect(after.broken!.reason).toMatch(/altered/);
    } finally {
      await tamper(victim.username);
    }
    expect((await verifyChain()).intact).toBe(true);
  });

  /** Events written in one transaction share its lane: consecutive links of one chain. */
  async function chainOf(names: string[], receivedAt?: Date) {
    const mark = uniqueName("chain");
    await db().$transaction(async (t) => {
      for (const name of names) await record({ action: "test.chain", verb: "create", outcome: "success", statusCode: 201, name, reason: mark, receivedAt }, t);
    });
    return db().auditEvent.findMany({ where: { reason: mark }, orderBy: { seq: "asc" } });
  }

  it("detects a removed event at its successor", async () => {
    const [, doomed, next] = await chainOf(["c1", "c2", "c3"]);
    const v = await withRemoved(`"seq" = ${doomed!.seq}`, () => verifyChain());
    expect(v.intact).toBe(false);
    expect(v.broken).toMatchObject({ seq: next!.seq.toString() });
    expect(v.broken!.reason).toMatch(/removed/);
    expect((await verifyChain()).intact).toBe(true);
  });

  it("detects removed first and last events of a chain against its recorded start and head", async () => {
    // A week of its own (2001): this transaction's events are that chain's only ones.
    const [first, second, last] = await chainOf(["o1", "o2", "o3"], new Date("2001-02-07T10:00:00Z"));
    const headless = await withRemoved(`"seq" = ${first!.seq}`, () => verifyChain());
    expect(headless).toMatchObject({ intact: false, broken: { seq: second!.seq.toString() } });
    expect(headless.broken!.reason).toMatch(/recorded start/);
    const tailless = await withRemoved(`"seq" = ${last!.seq}`, () => verifyChain());
    expect(tailless).toMatchObject({ intact: false, broken: { seq: second!.seq.toString() } });
    expect(tailless.broken!.reason).toMatch(/recorded head/);
    expect((await verifyChain()).intact).toBe(true);
  });

  // The embedded PGlite is a single session, so its writers never overlap; CI runs this on PostgreSQL 15.
  it.runIf(!!process.env.TENANTRY_TEST_DATABASE_URL)("lets concurrent writers append on separate lanes, each chain intact", async () => {
    const mark = uniqueName("lanes");
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        db().$transaction(async (t) => {
          await record({ action: "test.lanes", verb: "create", outcome: "success", statusCode: 201, name: `l${i}`, reason: mark }, t);
          await new Promise((r) => setTimeout(r, 300)); // hold the lane while the others write
        }),
      ),
    );
    const rows = await db().auditEvent.findMany({ where: { reason: mark }, select: { lane: true } });
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.lane)).size).toBeGreaterThan(1);
    expect(await verifyChain()).toMatchObject({ intact: true });
  });

  // A week's first writers: each has read the audit table already (as ingest does) when it finds the
  // partition missing, so whoever creates it must not need a lock those readers hold (a deadlock before).
  it.runIf(!!process.env.TENANTRY_TEST_DATABASE_URL)("creates a new week's partition under concurrent writers that already read the table", async () => {
    const mark = uniqueName("week");
    const week = new Date(Date.UTC(2090 + Math.floor(Math.random() * 50), 0, 3 + Math.floor(Math.random() * 300), 12));
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db().$transaction(async (t) => {
          await t.$queryRaw`SELECT count(*) FROM "AuditEvent" WHERE "reason" = ${mark}`;
          await new Promise((r) => setTimeout(r, 50)); // all read before any creates
          await record({ action: "test.week", verb: "create", outcome: "success", statusCode: 201, name: `w${i}`, reason: mark, receivedAt: week }, t);
        }),
      ),
    );
    expect(await db().auditEvent.count({ where: { reason: mark } })).toBe(8);
    expect(await verifyChain()).toMatchObject({ intact: true });
    // Made by attaching, the partition still carries every index and the append-only triggers.
    const [made] = await db().$queryRaw<{ name: string }[]>`SELECT tenantry_audit_partition(${week}) AS name`;
    const [idx] = await db().$queryRaw<{ table: bigint; attached: bigint }[]>`
      SELECT (SELECT count(*) FROM pg_index WHERE indrelid = '"AuditEvent"'::regclass) AS "table",
        (SELECT count(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid
         WHERE x.indrelid = quote_ident(${made!.name})::regclass) AS attached`;
    expect(Number(idx!.attached)).toBe(Number(idx!.table));
    expect(Number(idx!.table)).toBeGreaterThanOrEqual(6);
    await expect(db().$executeRaw`UPDATE "AuditEvent" SET "reason" = 'changed' WHERE "reason" = ${mark}`).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "${made!.name}"`)).rejects.toThrow(/append-only/);
  });

  it("retention drops whole expired weeks in bulk and the rest still verifies", async () => {
    const old = await chainOf(["r1", "r2", "r3"], new Date(Date.now() - 400 * 86_400_000));
    const kept = await chainOf(["k1", "k2"]);
    const res = await runAuditRetention({ days: 180 });
    expect(res.removed).toBeGreaterThanOrEqual(3);
    expect(await db().auditEvent.count({ where: { reason: old[0]!.reason } })).toBe(0);
    expect(await db().auditEvent.count({ where: { reason: kept[0]!.reason } })).toBe(2);
    const marker = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.retention" }, orderBy: { seq: "desc" } });
    expect(marker.reason).toContain(res.partitions[0]);
    expect(await verifyChain()).toMatchObject({ intact: true });
    // Nothing expired left: a second run removes nothing.
    expect((await runAuditRetention({ days: 180 })).removed).toBe(0);
  });
});

/** Removes rows behind the trigger's back (as an attacker with database rights could), runs `fn`, puts them back. */
async function withRemoved<T>(where: string, fn: () => Promise<T>): Promise<T> {
  const saved = `removed_${Math.random().toString(36).slice(2, 10)}`;
  return asOwner(async (c) => {
    await c.query(`CREATE TABLE ${saved} AS SELECT * FROM "AuditEvent" WHERE ${where}`);
    await c.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await c.query(`DELETE FROM "AuditEvent" WHERE ${where}`);
      return await fn();
    } finally {
      await c.query(`INSERT INTO "AuditEvent" SELECT * FROM ${saved}`);
      await c.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
      await c.query(`DROP TABLE ${saved}`);
    }
  });
}

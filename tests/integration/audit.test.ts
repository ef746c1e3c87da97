// The audit log is made of hash chains (a week's partition × a lane): each event seals its predecessor's hash.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { record } from "@/lib/audit/record";
import { eventHash, GENESIS, weekOf } from "@/lib/audit/chain";
import { nameGrams, searchAudit } from "@/lib/audit/search";
import type { Principal } from "@/lib/rbac/authorize";
import type { AuditQuery } from "@/lib/schemas/audit";
import { onPool } from "@/lib/db/sql";
import { Prisma } from "@prisma/client";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import pg from "pg";
import { recordStatements } from "@/bench/support/statements";

describe("audit record", () => {
  it("chains every event to the one before it in its chain, even when written concurrently", async () => {
    const who = uniqueName("auditor");
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => record({ action: "test.event", verb: "create", outcome: "success", statusCode: 200, username: who, name: `n${i}` })),
    );
    const all = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    const starts = new Map((await db().auditChain.findMany()).map((c) => [`${c.partition}/${c.lane}`, c.firstPrev]));
    const heads = new Map<string, string>();
    for (const e of all) {
      const chain = `AuditEvent_${weekOf(e.receivedAt).slice(0, 10).replaceAll("-", "")}/${e.lane}`;
      expect(e.prevHash).toBe(heads.get(chain) ?? starts.get(chain) ?? GENESIS);
      expect(e.hash).toBe(eventHash(e.prevHash, e));
      heads.set(chain, e.hash);
    }
    expect(all.filter((e) => e.username === who)).toHaveLength(10);
  });

  it("shows each caller only the scopes they may audit", async () => {
    const ws = uniqueName("ws");
    await record({ action: "test.scoped", verb: "create", outcome: "success", statusCode: 201, workspace: ws, username: "someone" });
    const admin = await makeUser("platform-admin");
    const outsider = await makeUser();
    const adminView = await searchAudit(await principalOf(admin.username), { limit: 50, workspace: ws });
    expect(adminView.items.map((e) => e.action)).toEqual(["test.scoped"]);
    const outsiderView = await searchAudit(await principalOf(outsider.username), { limit: 50, workspace: ws });
    expect(outsiderView.items).toEqual([]);
  });

  it("looks up a tenant's scopes and moved projects in one prepared statement (planning it cost more than running it) and plans only the page", async () => {
    const ws = uniqueName("ws");
    const { id: workspaceId } = await db().workspace.create({ data: { name: ws } });
    const member = await makeUser();
    await db().workspaceMember.create({ data: { workspaceId, userId: member.id, role: "admin" } });
    await record({ action: "test.lookups", verb: "create", outcome: "success", statusCode: 201, workspace: ws, username: "someone", name: "web-1" });
    const caller = await principalOf(member.username);
    const recording = recordStatements(new pg.Client()); // every client of this process
    const found = await searchAudit(caller, { limit: 50, name: "web" }).finally(() => recording.stop());
    expect(found.items.map((e) => e.action)).toEqual(["test.lookups"]);
    const sent = recording.sent;
    const pages = sent.filter((st) => st.text.includes('FROM "AuditEvent"'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((st) => !st.prepared)).toBe(true);
    expect(sent.filter((st) => !st.text.includes('FROM "AuditEvent"')).map((st) => st.prepared)).toEqual([true]); // scopes and moved projects
  });

  it("inside a workspace, looks up what the caller may audit there in the same prepared statement, so a page planned for its text does not plan that rule", async () => {
    const ws = uniqueName("ws");
    const { id: workspaceId } = await db().workspace.create({ data: { name: ws } });
    const [mine, theirs] = [uniqueName("p"), uniqueName("p")];
    const cluster = await db().cluster.create({ data: { name: uniqueName("c"), credentials: "v1.unused" } });
    const { id: projectId } = await db().project.create({ data: { name: mine, workspaceId, clusterId: cluster.id } });
    const operator = await makeUser();
    await db().projectMember.create({ data: { projectId, userId: operator.id, role: "operator" } });
    for (const project of [mine, theirs]) await record({ action: "test.inside", verb: "get", outcome: "success", statusCode: 200, workspace: ws, project, name: `web-${project}` });
    const caller = await principalOf(operator.username);
    const recording = recordStatements(new pg.Client());
    const found = await searchAudit(caller, { limit: 50, workspace: ws, name: "web" }).finally(() => recording.stop());
    expect(found.items.map((e) => e.project)).toEqual([mine]);
    const pages = recording.sent.filter((st) => st.text.includes('FROM "AuditEvent"'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((st) => st.prepared || /Member/.test(st.text))).toEqual([]);
    expect(recording.sent.filter((st) => !st.text.includes('FROM "AuditEvent"')).map((st) => st.prepared)).toEqual([true]);
  });

  it("prepares a page once per connection only when it matches no text and its boundary has one shape whoever asks", async () => {
    const ws = uniqueName("ws");
    const { id: workspaceId } = await db().workspace.create({ data: { name: ws } });
    const member = await makeUser();
    await db().workspaceMember.create({ data: { workspaceId, userId: member.id, role: "admin" } });
    await record({ action: "test.prepared", verb: "create", outcome: "success", statusCode: 201, workspace: ws, username: member.username, name: "web-1" });
    const [tenant, admin] = [await principalOf(member.username), await principalOf((await makeUser("platform-admin")).username)];
    const pagesPrepared = async (caller: Principal, q: Omit<AuditQuery, "limit">) => {
      const recording = recordStatements(new pg.Client());
      const found = await searchAudit(caller, { limit: 50, ...q }).finally(() => recording.stop());
      expect(found.items.map((e) => e.action)).toEqual(["test.prepared"]);
      return [...new Set(recording.sent.filter((st) => st.text.includes('FROM "AuditEvent"')).map((st) => st.prepared))];
    };
    expect(await pagesPrepared(admin, { user: member.username })).toEqual([true]);
    expect(await pagesPrepared(tenant, { workspace: ws })).toEqual([true]);
    // Planned for the values: text to match, or a boundary with a term for each of the caller's own scopes.
    expect(await pagesPrepared(admin, { user: member.username, name: "eb-1" })).toEqual([false]);
    expect(await pagesPrepared(admin, { user: `${member.username.slice(0, -1)}*` })).toEqual([false]);
    expect(await pagesPrepared(tenant, { user: member.username })).toEqual([false]);
  });

  it("pages newest first with a cursor", async () => {
    const who = uniqueName("pager");
    for (let i = 0; i < 5; i++) await record({ action: "test.page", verb: "get", outcome: "failure", statusCode: 404, username: who, name: `e${i}` });
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const first = await searchAudit(admin, { limit: 3, user: who });
    expect(first.items.map((e) => e.name)).toEqual(["e4", "e3", "e2"]);
    const second = await searchAudit(admin, { limit: 3, user: who, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.name)).toEqual(["e1", "e0"]);
    expect(second.nextCursor).toBeNull();
    expect((await searchAudit(admin, { limit: 10, user: `${who.slice(0, -2)}*`, status: "4xx" })).items).toHaveLength(5);
  });

  it("orders by when events were received, across weeks, and pages through them", async () => {
    const who = uniqueName("weeks");
    const day = 86_400_000;
    // Written newest first: the order of writing must not matter, only receivedAt.
    const at = { w0: Date.now() - 60_000, w1: Date.now() - 9 * day, w2: Date.now() - 16 * day, w3: Date.now() - 17 * day };
    for (const [name, t] of Object.entries(at))
      await record({ action: "test.weeks", verb: "get", outcome: "success", statusCode: 200, username: who, name, receivedAt: new Date(t) });
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const first = await searchAudit(admin, { limit: 3, user: who });
    expect(first.items.map((e) => e.name)).toEqual(["w0", "w1", "w2"]);
    const second = await searchAudit(admin, { limit: 3, user: who, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ name: "w3" }], nextCursor: null });
    const bounded = await searchAudit(admin, { limit: 3, user: who, from: new Date(at.w2 - 1000), to: new Date(at.w1 + 1000) });
    expect(bounded.items.map((e) => e.name)).toEqual(["w1", "w2"]);
  });

  it("reads the seven days before a search's upper bound on their own first, so a page that fills there is one statement, on a Monday too", async () => {
    const who = uniqueName("monday");
    // Monday 2001-01-08 06:00 UTC: its calendar week holds none of these, the seven days before hold three.
    const at = { sun2: "2001-01-07T13:00:00Z", sun1: "2001-01-07T12:00:00Z", sat: "2001-01-06T12:00:00Z", older: "2000-12-28T12:00:00Z" };
    for (const [name, t] of Object.entries(at)) await record({ action: "test.recent", verb: "get", outcome: "success", statusCode: 200, username: who, name, receivedAt: new Date(t) });
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const recording = recordStatements(new pg.Client());
    const first = await searchAudit(admin, { limit: 2, user: who, to: new Date("2001-01-08T06:00:00Z") }).finally(() => recording.stop());
    expect(first.items.map((e) => e.name)).toEqual(["sun2", "sun1"]);
    expect(recording.sent.filter((st) => st.text.includes('FROM "AuditEvent"'))).toHaveLength(1);
    const rest = await searchAudit(admin, { limit: 2, user: who, to: new Date("2001-01-08T06:00:00Z"), cursor: first.nextCursor! });
    expect(rest).toMatchObject({ items: [{ name: "sat" }, { name: "older" }], nextCursor: null });
  });

  it("finds names by substring, case-sensitively, inside a workspace and across all", async () => {
    const [ws, other] = [uniqueName("ws"), uniqueName("other")];
    for (const name of ["web-1234", "Web-9", "数据库-备份-7", "ab"]) await record({ action: "test.names", verb: "get", outcome: "success", statusCode: 200, workspace: ws, name });
    await record({ action: "test.names", verb: "get", outcome: "success", statusCode: 200, workspace: other, name: "web-1234" });
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const found = async (name: string, workspace?: string) =>
      (await searchAudit(admin, { limit: 50, verb: "test.names", name, workspace })).items.filter((e) => [ws, other].includes(e.workspace!)).map((e) => e.name);
    expect(await found("eb-12", ws)).toEqual(["web-1234"]);
    expect(await found("Web", ws)).toEqual(["Web-9"]);
    expect(await found("库-备", ws)).toEqual(["数据库-备份-7"]);
    expect(await found("b", ws)).toEqual(["ab", "Web-9", "web-1234"]);
    expect(await found("eb-1234")).toEqual(["web-1234", "web-1234"]);
    expect(await found("eb-1234", other)).toEqual(["web-1234"]);
  });

  it("indexes a name's substrings exactly as searches look them up", async () => {
    for (const [ws, name] of [["ws-a", "pods-12345"], [null, "数据库-备份"], ["ws-b", "ab"], ["ws-c", null], ["ws-d", "aaaa"]] as const) {
      const [row] = await onPool.rows<{ grams: string[] }>(Prisma.sql`SELECT tenantry_name_grams(${ws}, ${name}) AS grams`);
      const expected = name ? [...nameGrams(name), ...(ws ? nameGrams(name, ws) : [])] : [];
      expect([...new Set(row!.grams)].sort()).toEqual(expected.sort());
    }
  });
});

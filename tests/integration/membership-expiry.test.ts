// Time-bound memberships (#17 item 1): at its instant a membership ends everywhere without anyone acting —
// the console on the next request, the member's RoleBinding in the cluster (the reconciler), one audit event
// member.expire — also across replicas and with the cluster down at that moment. The clock is injected: the
// expiry step takes `now`, and the requests run with Date moved to the instant.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RbacAuthorizationV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { deleteUser } from "@/lib/tenancy/users";
import { expireMemberships } from "@/lib/tenancy/expiry";
import { createBinding } from "@/lib/identity/group-bindings";
import { syncGroupBindings } from "@/lib/identity/binding-grants";
import { startBackgroundJobs } from "@/lib/jobs/background";
import { GET as getProject } from "@/app/api/v1/workspaces/[ws]/projects/[project]/route";
import { GET as getWorkspace } from "@/app/api/v1/workspaces/[ws]/route";
import { POST as postMember } from "@/app/api/v1/workspaces/[ws]/members/route";
import { PATCH as patchMember } from "@/app/api/v1/workspaces/[ws]/members/[username]/route";
import { POST as postProjectMember } from "@/app/api/v1/workspaces/[ws]/projects/[project]/members/route";
import { POST as postBinding } from "@/app/api/v1/identity-providers/[name]/bindings/route";
import { PATCH as patchBinding } from "@/app/api/v1/identity-providers/[name]/bindings/[id]/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as myPermissions } from "@/app/api/v1/me/permissions/route";
import { GET as expiringMembers } from "@/app/api/v1/workspaces/[ws]/expiring-members/route";
import { callRoute, tokenFor } from "../support/call-route";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { registerTestCluster, simulatorBeside, type TestCluster } from "../support/cluster";
import { withController } from "../support/controller";

const HOUR = 3_600_000;
let target: TestCluster;
let admin: User;
const controller = withController();

beforeAll(async () => {
  target = await registerTestCluster("expiry-sim");
  admin = await makeUser("platform-admin");
});
afterAll(async () => {
  await target.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A workspace on `cluster` with an owner (its admin) and one project. */
async function tenant(cluster = target.name) {
  const owner = await makeUser();
  const ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner)).name;
  const project = (await createProject(ws, { name: uniqueName("p"), cluster }, owner, await principalOf(owner.username, { workspace: ws }))).name;
  return { owner, ownerToken: await tokenFor(owner), ws, project };
}

/** The member's RoleBinding in the project's namespace, or null. */
async function roleBinding(kc: KubeConfig, namespace: string, username: string) {
  return kc
    .makeApiClient(RbacAuthorizationV1Api)
    .readNamespacedRoleBinding({ name: `tenantry-member-${username}`, namespace })
    .catch((err: { code?: number }) => (err.code === 404 ? null : Promise.reject(err)));
}

const expireEvents = (username: string) => db().auditEvent.findMany({ where: { action: "member.expire", name: username }, orderBy: { seq: "asc" } });

/** Moves Date (only: timers keep running) to `at`, as if the clock had reached it. */
function clockAt(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(at);
}

describe("a membership that reaches its expiresAt", () => {
  it("ends the console on the next request, then its RoleBinding goes and member.expire is recorded once per membership", async () => {
    const t = await tenant();
    const dev = await makeUser();
    const devToken = await tokenFor(dev);
    const at = new Date(Date.now() + 48 * HOUR);
    // Through the API, as the console's form sends it: the workspace membership ends at `at`, the project one with it.
    const added = await callRoute(postMember, { method: "POST", path: `/api/v1/workspaces/${t.ws}/members`, params: { ws: t.ws }, token: t.ownerToken, body: { username: dev.username, role: "regular", expiresAt: at.toISOString() } });
    expect(added).toMatchObject({ status: 201, body: { username: dev.username, expiresAt: at.toISOString() } });
    const inProject = await callRoute(postProjectMember, { method: "POST", path: "/p", params: { ws: t.ws, project: t.project }, token: t.ownerToken, body: { username: dev.username, role: "operator" } });
    expect(inProject.status).toBe(201);
    await controller.settled({ name: t.project });
    expect(await roleBinding(target.kc, t.project, dev.username)).not.toBeNull();
    const asDev = () => callRoute(getProject, { method: "GET", path: "/p", params: { ws: t.ws, project: t.project }, token: devToken });
    expect((await asDev()).status).toBe(200);
    // Members see when their access ends.
    expect((await callRoute(me, { method: "GET", path: "/api/v1/me", token: devToken })).body).toMatchObject({
      expiringMemberships: [{ workspace: t.ws, project: null, role: "regular", expiresAt: at.toISOString(), endsSoon: false }],
    });
    const perms = await callRoute(myPermissions, { method: "GET", path: "/p", token: devToken, query: { workspace: t.ws, project: t.project } });
    expect(perms.body).toMatchObject({ expiresAt: { workspace: at.toISOString(), project: null } });

    // A millisecond before, nothing ends.
    // (This file's users only: the step is global, and other files leave memberships that have ended.)
    expect((await expireMemberships(new Date(at.getTime() - 1))).memberships.filter((m) => m.username === dev.username)).toEqual([]);

    clockAt(new Date(at.getTime() + 1));
    // The next request is refused before any background step ran: the rows are still there.
    expect((await asDev()).status).toBe(404);
    expect((await callRoute(getWorkspace, { method: "GET", path: "/w", params: { ws: t.ws }, token: devToken })).status).toBe(404);
    expect(await db().workspaceMember.count({ where: { userId: dev.id } })).toBe(1);

    const ended = await expireMemberships(new Date());
    expect(ended.memberships.filter((m) => m.username === dev.username)).toEqual([
      expect.objectContaining({ workspace: t.ws, project: null, role: "regular" }),
      expect.objectContaining({ workspace: t.ws, project: t.project, role: "operator" }),
    ]);
    expect(await db().workspaceMember.count({ where: { userId: dev.id } })).toBe(0);
    expect(await db().projectMember.count({ where: { userId: dev.id } })).toBe(0);
    const events = await expireEvents(dev.username);
    expect(events.map((e) => [e.workspace, e.project, e.username, e.outcome])).toEqual([
      [t.ws, null, "system:expiry", "success"],
      [t.ws, t.project, "system:expiry", "success"],
    ]);
    vi.useRealTimers();
    await controller.settled({ name: t.project });
    await eventually(async () => (await roleBinding(target.kc, t.project, dev.username)) === null, 100);
    // The owner's own binding stays.
    expect(await roleBinding(target.kc, t.project, t.owner.username)).not.toBeNull();
  });

  it("a group binding's memberships end with it, each with its member.expire", async () => {
    const t = await tenant();
    const provider = await db().identityProvider.create({ data: { name: uniqueName("idp"), type: "oidc" } });
    const at = new Date(Date.now() + HOUR);
    const binding = await createBinding(await principalOf(admin.username), provider.name, { group: "contractors", workspace: t.ws, project: t.project, role: "viewer", expiresAt: at });
    const user = await makeUser();
    await syncGroupBindings(user, provider.id, ["contractors"]);
    expect(await db().projectMember.findFirst({ where: { userId: user.id } })).toMatchObject({ role: "viewer", expiresAt: at });

    const ended = await expireMemberships(at);
    expect(ended.bindings).toBe(1);
    expect(ended.memberships.filter((m) => m.username === user.username).map((m) => m.project)).toEqual([t.project, null]);
    expect(await db().groupBinding.count({ where: { id: binding.id } })).toBe(0);
    expect(await db().workspaceMember.count({ where: { userId: user.id } })).toBe(0);
    expect((await expireEvents(user.username)).length).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "group-binding.expire", name: "contractors", workspace: t.ws } })).toBe(1);
  });

  it("with the cluster down at that moment, the database side ends at once and the RoleBinding goes when it returns", async () => {
    const down = await simulatorBeside(target, "expiry-down-sim");
    const t = await tenant(down.name);
    const dev = await makeUser();
    const at = new Date(Date.now() + HOUR);
    await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: dev.username, role: "regular", expiresAt: at });
    await addMember(await resolveScope({ workspace: t.ws, project: t.project }), await principalOf(t.owner.username, { workspace: t.ws, project: t.project }), { username: dev.username, role: "admin" });
    await controller.settled({ name: t.project });
    expect(await roleBinding(down.kc, t.project, dev.username)).not.toBeNull();

    down.sim.faults.set({ refuse: true });
    try {
      const ended = await expireMemberships(at);
      expect(ended.memberships.filter((m) => m.username === dev.username)).toHaveLength(2);
      expect(await db().projectMember.count({ where: { userId: dev.id } })).toBe(0);
      const devToken = await tokenFor(dev);
      expect((await callRoute(getProject, { method: "GET", path: "/p", params: { ws: t.ws, project: t.project }, token: devToken })).status).toBe(404);
      await eventually(async () => (await db().project.findFirstOrThrow({ where: { name: t.project } })).status === "error", 100);
    } finally {
      down.sim.faults.clear();
    }
    await eventually(async () => (await roleBinding(down.kc, t.project, dev.username)) === null, 150);
    await controller.settled({ name: t.project });
    expect((await db().project.findFirstOrThrow({ where: { name: t.project } })).status).toBe("ready");
  });
});

describe("the API", () => {
  it("refuses a past, unbounded or malformed expiresAt with 422 on expiresAt, changing nothing", async () => {
    const t = await tenant();
    const u = await makeUser();
    const post = (expiresAt: unknown) =>
      callRoute(postMember, { method: "POST", path: "/m", params: { ws: t.ws }, token: t.ownerToken, body: { username: u.username, role: "regular", expiresAt } });
    for (const bad of ["2020-01-01T00:00:00Z", "tomorrow", "2030-01-01T10:00:00", "2030-02-30T00:00:00Z", "+010000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00", 1893456000000, null, ""]) {
      const res = await post(bad);
      expect(res.status, String(bad)).toBe(422);
      expect(res.contentType).toBe("application/problem+json");
      expect((res.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain("expiresAt");
    }
    expect(await db().workspaceMember.count({ where: { userId: u.id } })).toBe(0);
    expect((await post(new Date(Date.now() + HOUR).toISOString())).status).toBe(201);
  });

  it("PATCH changes or (null) removes the expiry; the last admin cannot be time-bound; nobody extends their own", async () => {
    const t = await tenant();
    const patch = (username: string, body: unknown, token = t.ownerToken) =>
      callRoute(patchMember, { method: "PATCH", path: "/m", params: { ws: t.ws, username }, token, body });
    const soon = new Date(Date.now() + 7 * 24 * HOUR).toISOString();

    const last = await patch(t.owner.username, { expiresAt: soon });
    expect(last.status).toBe(422);
    expect(last.body).toMatchObject({ issues: [{ path: "expiresAt", message: `"${t.owner.username}" is the last admin of workspace "${t.ws}"; the last admin cannot be time-bound.` }] });
    expect((await patch(t.owner.username, {})).status).toBe(422);

    const second = await makeUser();
    await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: second.username, role: "admin", expiresAt: new Date(soon) });
    // A time-bound admin does not keep the workspace: the owner is still its last admin without an end.
    expect((await patch(t.owner.username, { expiresAt: soon })).status).toBe(422);
    expect((await patch(t.owner.username, { role: "viewer" })).body).toMatchObject({ code: "last_admin" });
    await expect(deleteUser(await principalOf(admin.username), t.owner.username)).rejects.toMatchObject({ status: 409, code: "last_admin" });
    // The time-bound admin cannot lengthen their own membership, nor end its expiry.
    const secondToken = await tokenFor(second);
    const later = new Date(Date.now() + 30 * 24 * HOUR).toISOString();
    expect((await patch(second.username, { expiresAt: later }, secondToken)).body).toMatchObject({ status: 403, code: "self_escalation" });
    expect((await patch(second.username, { expiresAt: null }, secondToken)).status).toBe(403);
    expect(await patch(second.username, { expiresAt: later })).toMatchObject({ status: 200, body: { expiresAt: later } });
    expect(await patch(second.username, { expiresAt: null })).toMatchObject({ status: 200, body: { role: "admin", expiresAt: null } });
    // Now a second admin without an end keeps the workspace: the owner may be time-bound.
    expect(await patch(t.owner.username, { expiresAt: soon })).toMatchObject({ status: 200, body: { expiresAt: soon } });
    expect(await db().auditEvent.count({ where: { action: "workspace-member.update", workspace: t.ws, outcome: "success" } })).toBe(3);
  });

  it("group bindings take expiresAt on POST and PATCH, validated the same way", async () => {
    const t = await tenant();
    const provider = await db().identityProvider.create({ data: { name: uniqueName("idp"), type: "oidc" } });
    const adminToken = await tokenFor(admin);
    const post = (expiresAt: unknown) =>
      callRoute(postBinding, { method: "POST", path: "/b", params: { name: provider.name }, token: adminToken, body: { group: "g", workspace: t.ws, role: "viewer", expiresAt } });
    expect((await post("2001-01-01T00:00:00Z")).body).toMatchObject({ status: 422, issues: [{ path: "expiresAt" }] });
    const at = new Date(Date.now() + 30 * 24 * HOUR).toISOString();
    const created = await post(at);
    expect(created).toMatchObject({ status: 201, body: { expiresAt: at } });
    const id = (created.body as { id: string }).id;
    const user = await makeUser();
    await syncGroupBindings(user, provider.id, ["g"]);
    const change = (expiresAt: unknown) => callRoute(patchBinding, { method: "PATCH", path: "/b", params: { name: provider.name, id }, token: adminToken, body: { expiresAt } });
    expect((await change("yesterday")).status).toBe(422);
    expect(await change(null)).toMatchObject({ status: 200, body: { expiresAt: null } });
    // What the binding granted follows it.
    expect((await db().workspaceMember.findFirstOrThrow({ where: { userId: user.id } })).expiresAt).toBeNull();
  });

  it("admins see the workspace's expiring memberships, soonest first, with those about to end marked", async () => {
    const t = await tenant();
    const [a, b] = [await makeUser(), await makeUser()];
    const owner = await principalOf(t.owner.username, { workspace: t.ws, project: t.project });
    await addMember(await resolveScope({ workspace: t.ws }), owner, { username: a.username, role: "regular", expiresAt: new Date(Date.now() + 72 * HOUR) });
    await addMember(await resolveScope({ workspace: t.ws }), owner, { username: b.username, role: "viewer" });
    await addMember(await resolveScope({ workspace: t.ws, project: t.project }), owner, { username: b.username, role: "viewer", expiresAt: new Date(Date.now() + 2 * HOUR) });
    const res = await callRoute(expiringMembers, { method: "GET", path: "/e", params: { ws: t.ws }, token: t.ownerToken });
    expect(res.status).toBe(200);
    expect((res.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ username: b.username, project: t.project, role: "viewer", endsSoon: true }),
      expect.objectContaining({ username: a.username, project: null, role: "regular", endsSoon: false }),
    ]);
    // A regular member may not list them.
    expect((await callRoute(expiringMembers, { method: "GET", path: "/e", params: { ws: t.ws }, token: await tokenFor(a) })).status).toBe(403);
  });
});

// Last: it stops this file's controller, so that two runners of its own compete for the background lock.
describe("across replicas", () => {
  /** Two background runners with the clock past `at`, until `done`; how many of them led. */
  async function twoRunners(at: Date, done: () => Promise<boolean>): Promise<number> {
    await controller.jobs().stop();
    const clock = () => new Date(at.getTime() + 1);
    const runners = [startBackgroundJobs({ intervalMs: 100, clock }), startBackgroundJobs({ intervalMs: 100, clock })];
    try {
      await Promise.race(runners.map((r) => r.leading()));
      await eventually(done, 200);
      return runners.filter((r) => r.controller()).length;
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
  }

  it("two background runners: each membership gets exactly one member.expire", async () => {
    const t = await tenant();
    const users = [await makeUser(), await makeUser(), await makeUser()];
    const at = new Date(Date.now() + HOUR);
    for (const u of users) await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: u.username, role: "viewer", expiresAt: at });
    // Runners that started at once both find nothing more to do: each row is deleted by one of them.
    const both = await Promise.all([expireMemberships(new Date(at.getTime() - 1)), expireMemberships(new Date(at.getTime() - 1))]);
    expect(both.flatMap((r) => r.memberships).filter((m) => users.some((u) => u.username === m.username))).toEqual([]);

    await twoRunners(at, async () => (await db().workspaceMember.count({ where: { userId: { in: users.map((u) => u.id) } } })) === 0);
    for (const u of users) expect((await expireEvents(u.username)).length, u.username).toBe(1);
  });

  // Advisory locks exclude other sessions; the embedded database serves every connection from one session, so
  // this needs a PostgreSQL server (CI's TENANTRY_TEST_DATABASE_URL).
  it.runIf(!!process.env.TENANTRY_TEST_DATABASE_URL)("only the runner holding the background lock expires", async () => {
    const t = await tenant();
    const u = await makeUser();
    const at = new Date(Date.now() + HOUR);
    await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: u.username, role: "viewer", expiresAt: at });
    expect(await twoRunners(at, async () => (await db().workspaceMember.count({ where: { userId: u.id } })) === 0)).toBe(1);
    expect((await expireEvents(u.username)).length).toBe(1);
  });

  it("two expiry steps at the same instant record each membership once", async () => {
    const t = await tenant();
    const users = [await makeUser(), await makeUser()];
    const at = new Date(Date.now() + HOUR);
    for (const u of users) await addMember(await resolveScope({ workspace: t.ws }), await principalOf(t.owner.username, { workspace: t.ws }), { username: u.username, role: "viewer", expiresAt: at });
    const both = await Promise.all([expireMemberships(at), expireMemberships(at)]);
    expect(both.flatMap((r) => r.memberships.map((m) => m.username)).filter((n) => users.some((u) => u.username === n)).sort()).toEqual(users.map((u) => u.username).sort());
    for (const u of users) expect((await expireEvents(u.username)).length).toBe(1);
  });
});

// Security issue #13 item 10: the audit log stays honest. A refused request is recorded under the scope the
// caller could see, never under a foreign tenant's workspace with the caller's own path text as a project there.
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { GET as getProject, DELETE as deleteProject } from "@/app/api/v1/workspaces/[ws]/projects/[project]/route";
import { POST as createProject } from "@/app/api/v1/workspaces/[ws]/projects/route";
import { PUT as putQuota } from "@/app/api/v1/workspaces/[ws]/projects/[project]/quota/route";
import { DELETE as deleteMember } from "@/app/api/v1/workspaces/[ws]/members/[username]/route";
import { GET as searchEvents } from "@/app/api/v1/audit/events/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

type Event = { action: string; username: string | null; workspace: string | null; project: string | null; outcome: string; statusCode: number; request: Record<string, unknown> | null };

let wsA: string;
let wsB: string;
let projectA: string;
let adminA: User;
let memberA: User;
let mallory: User;
let platformAdmin: User;
/** Caller-chosen text, unique to this run, in the paths mallory probes. */
const bait = uniqueName("fake-project");

async function workspace(name: string, clusterId: string, members: [User, string][]) {
  const w = await db().workspace.create({ data: { name } });
  for (const [u, role] of members) await db().workspaceMember.create({ data: { workspaceId: w.id, userId: u.id, role } });
  return db().project.create({ data: { name: uniqueName("p"), workspaceId: w.id, clusterId } });
}

async function search(as: User, query: Record<string, string>): Promise<Event[]> {
  const res = await callRoute(searchEvents as Handler, { method: "GET", path: "/api/v1/audit/events", token: await tokenFor(as), query: { limit: "200", ...query } });
  expect(res.status).toBe(200);
  return (res.body as { items: Event[] }).items;
}

beforeAll(async () => {
  const cluster = await db().cluster.create({ data: { name: uniqueName("scope-c"), credentials: "v1.unused" } });
  [adminA, memberA, mallory, platformAdmin] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser("platform-admin")]);
  wsA = uniqueName("tenant-a");
  wsB = uniqueName("tenant-b");
  projectA = (await workspace(wsA, cluster.id, [[adminA, "admin"], [memberA, "regular"]])).name;
  await workspace(wsB, cluster.id, [[mallory, "admin"]]);
});

describe("audit scope of refused requests", () => {
  it("a member of B probing A's paths writes nothing into A's log; platform auditors see the probes with their paths", async () => {
    const token = await tokenFor(mallory);
    const probes: [Handler, string, string, Record<string, string>, unknown?][] = [
      [getProject as Handler, "GET", `/api/v1/workspaces/${wsA}/projects/${bait}`, { ws: wsA, project: bait }],
      [getProject as Handler, "GET", `/api/v1/workspaces/${wsA}/projects/${projectA}`, { ws: wsA, project: projectA }],
      [deleteProject as Handler, "DELETE", `/api/v1/workspaces/${wsA}/projects/${bait}`, { ws: wsA, project: bait }],
      [putQuota as Handler, "PUT", `/api/v1/workspaces/${wsA}/projects/${bait}/quota`, { ws: wsA, project: bait }, { hard: { "limits.cpu": "1" } }],
      [createProject as Handler, "POST", `/api/v1/workspaces/${wsA}/projects`, { ws: wsA }, { name: bait, cluster: "host" }],
      [deleteMember as Handler, "DELETE", `/api/v1/workspaces/${wsA}/members/${adminA.username}`, { ws: wsA, username: adminA.username }],
    ];
    for (const [handler, method, path, params, body] of probes) {
      const res = await callRoute(handler, { method, path, params, token, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }

    // A's admin searches A's log: not one of mallory's probes, and no event names the bait project.
    const inA = await search(adminA, { workspace: wsA });
    expect(inA.filter((e) => e.username === mallory.username)).toEqual([]);
    expect((await search(adminA, {})).filter((e) => e.username === mallory.username || e.project === bait)).toEqual([]);
    expect(await db().auditEvent.count({ where: { workspace: wsA, username: mallory.username } })).toBe(0);

    // The platform admin sees every probe, at platform scope, with what was asked in `request`.
    const seen = (await search(platformAdmin, { user: mallory.username })).filter((e) => e.outcome === "denied");
    expect(seen).toHaveLength(probes.length);
    expect(seen.every((e) => e.workspace === null && e.project === null && e.statusCode === 404)).toBe(true);
    expect(seen.map((e) => e.request?.path).sort()).toEqual(probes.map(([, , path]) => path).sort());
    expect(seen.find((e) => e.request?.path === `/api/v1/workspaces/${wsA}/projects/${bait}` && e.action === "project.get")?.request).toMatchObject({ method: "GET", workspace: wsA, project: bait });
  });

  it("a member of A is recorded under A, naming a project only when it exists", async () => {
    const token = await tokenFor(memberA);
    const missing = uniqueName("no-such");
    expect((await callRoute(getProject as Handler, { method: "GET", path: `/api/v1/workspaces/${wsA}/projects/${missing}`, params: { ws: wsA, project: missing }, token })).status).toBe(404);
    const put = await callRoute(putQuota as Handler, { method: "PUT", path: `/api/v1/workspaces/${wsA}/projects/${projectA}/quota`, params: { ws: wsA, project: projectA }, token, body: { hard: { "limits.cpu": "1" } } });
    expect(put.status).toBe(404); // a regular member who is not in the project does not see it

    const mine = (await search(adminA, { workspace: wsA, user: memberA.username })).filter((e) => e.outcome !== "success");
    expect(mine.map((e) => [e.action, e.workspace, e.project])).toEqual([
      ["project.quota.update", wsA, null],
      ["project.get", wsA, null],
    ]);
    expect(mine.some((e) => JSON.stringify(e).includes(missing) && e.project === missing)).toBe(false);

    // A's admin, who sees every project of A, is refused nothing there; a denial of a viewer names the real project.
    const viewer = await makeUser();
    const ws = await db().workspace.findUniqueOrThrow({ where: { name: wsA } });
    await db().workspaceMember.create({ data: { workspaceId: ws.id, userId: viewer.id, role: "viewer" } });
    const denied = await callRoute(putQuota as Handler, { method: "PUT", path: `/api/v1/workspaces/${wsA}/projects/${projectA}/quota`, params: { ws: wsA, project: projectA }, token: await tokenFor(viewer), body: { hard: { "limits.cpu": "1" } } });
    expect(denied.status).toBe(403);
    expect((await search(adminA, { workspace: wsA, user: viewer.username })).map((e) => [e.action, e.outcome, e.workspace, e.project, e.request])).toEqual([
      ["project.quota.update", "denied", wsA, projectA, null],
    ]);
  });

  it("an ended membership sees no more of the log, before the expiry step has removed it (#17)", async () => {
    const ws = await db().workspace.findUniqueOrThrow({ where: { name: wsA } });
    const project = await db().project.findFirstOrThrow({ where: { workspaceId: ws.id, name: projectA } });
    const [formerAdmin, formerProjectAdmin] = await Promise.all([makeUser(), makeUser()]);
    const ended = new Date(Date.now() - 1000);
    await db().workspaceMember.create({ data: { workspaceId: ws.id, userId: formerAdmin.id, role: "admin", expiresAt: ended } });
    await db().projectMember.create({ data: { projectId: project.id, userId: formerProjectAdmin.id, role: "admin", expiresAt: ended } });
    // An event in A: a member's refused read of a project that does not exist is recorded under A.
    const missing = uniqueName("no-such");
    await callRoute(getProject as Handler, { method: "GET", path: `/api/v1/workspaces/${wsA}/projects/${missing}`, params: { ws: wsA, project: missing }, token: await tokenFor(memberA) });
    expect(await db().auditEvent.count({ where: { workspace: wsA } })).toBeGreaterThan(0);

    for (const former of [formerAdmin, formerProjectAdmin]) {
      expect(await search(former, {})).toEqual([]);
      expect(await search(former, { workspace: wsA })).toEqual([]);
    }
    // The same membership without an end sees A's events: what hid them was the end alone. (An upsert: another
    // file's expiry step, run meanwhile, may have removed the ended row.)
    const key = { workspaceId: ws.id, userId: formerAdmin.id };
    await db().workspaceMember.upsert({ where: { workspaceId_userId: key }, create: { ...key, role: "admin" }, update: { expiresAt: null } });
    expect((await search(formerAdmin, { workspace: wsA })).length).toBeGreaterThan(0);
  });
});

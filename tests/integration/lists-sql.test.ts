// The list pages as one SQL statement each (#18 item 4): what the Prisma queries did, the statements must keep doing —
// each row's fields and counts, the visibility rule with memberships that have ended, keyset paging across equal sort
// values, and a 404 for a workspace or project that is not there. Names are this file's own (the database is shared).
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { encodeCursor } from "@/lib/api/page";
import { GET as workspaces } from "@/app/api/v1/workspaces/route";
import { GET as projects } from "@/app/api/v1/workspaces/[ws]/projects/route";
import { GET as members } from "@/app/api/v1/workspaces/[ws]/members/route";
import { GET as projectMembers } from "@/app/api/v1/workspaces/[ws]/projects/[project]/members/route";
import { GET as invitees } from "@/app/api/v1/workspaces/[ws]/invitees/route";
import { GET as users } from "@/app/api/v1/users/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

type Row = Record<string, unknown>;
const tag = uniqueName("lsq");
const ended = new Date(Date.now() - 60_000);
const sameInstant = new Date(Date.now() - 3_600_000);
let admin: string;
let owner: User;
let member: User;
let memberToken: string;
let cluster: string;

async function all(handler: Handler, path: string, params: Record<string, string>, query: Record<string, string> = {}, token = admin) {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const res = await callRoute(handler, { method: "GET", path, token, params, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as { items: Row[]; nextCursor: string | null };
    rows.push(...body.items);
    if (!body.nextCursor) return rows;
    cursor = body.nextCursor;
  }
  throw new Error("the list never ended");
}

beforeAll(async () => {
  admin = await tokenFor(await makeUser("platform-admin"));
  owner = await makeUser("platform-regular", `${tag}-owner`);
  member = await makeUser("platform-regular", `${tag}-member`);
  memberToken = await tokenFor(member);
  const twin = await makeUser("platform-regular", `${tag}-twin`);
  cluster = (await db().cluster.create({ data: { name: `${tag}-c`, credentials: "v1.unused" } })).name;
  const ws = await createWorkspace({ name: `${tag}-ws`, clusters: [cluster] }, owner);
  const gone = await createWorkspace({ name: `${tag}-gone`, clusters: [] }, owner);
  const [w, g, c] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { name: ws.name } }),
    db().workspace.findUniqueOrThrow({ where: { name: gone.name } }),
    db().cluster.findUniqueOrThrow({ where: { name: cluster } }),
  ]);
  // The member and the twin joined at the same instant; the member's membership of `gone` has ended.
  await db().workspaceMember.createMany({
    data: [
      { workspaceId: w.id, userId: member.id, role: "regular", createdAt: sameInstant },
      { workspaceId: w.id, userId: twin.id, role: "viewer", createdAt: sameInstant },
      { workspaceId: g.id, userId: member.id, role: "viewer", expiresAt: ended },
    ],
  });
  // p1: the member's; p2: the member's until a minute ago; p3: not theirs.
  for (const n of ["p1", "p2", "p3"]) await db().project.create({ data: { name: `${tag}-${n}`, workspaceId: w.id, clusterId: c.id, status: "ready" } });
  const p = (n: string) => db().project.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId: w.id, name: `${tag}-${n}` } } });
  await db().projectMember.create({ data: { projectId: (await p("p1")).id, userId: member.id, role: "viewer" } });
  await db().projectMember.create({ data: { projectId: (await p("p2")).id, userId: member.id, role: "viewer", expiresAt: ended } });
});

describe("a list row", () => {
  it("carries the same fields and counts as before: a workspace with its clusters, projects and members", async () => {
    const [row] = await all(workspaces, "/api/v1/workspaces", {}, { q: `${tag}-ws` });
    expect(row).toEqual({
      name: `${tag}-ws`, displayName: null, description: null, networkIsolated: false, createdBy: owner.username,
      createdAt: expect.any(String), updatedAt: expect.any(String), clusters: [cluster], projectCount: 3, memberCount: 3,
    });
  });

  it("a project with its namespace, cluster, workspace and member count", async () => {
    const rows = await all(projects, "/api/v1/workspaces/{ws}/projects", { ws: `${tag}-ws` }, { q: `${tag}-p1` });
    expect(rows).toEqual([
      expect.objectContaining({ name: `${tag}-p1`, namespace: `${tag}-p1`, cluster, workspace: `${tag}-ws`, status: "ready", memberCount: 1, createdBy: null }),
    ]);
  });

  it("a user with their workspace count, a member with since and expiresAt", async () => {
    const [u] = await all(users, "/api/v1/users", {}, { q: `${tag}-owner` });
    expect(u).toMatchObject({ username: `${tag}-owner`, status: "active", source: "local", lockedUntil: null, workspaceCount: 2 });
    const [m] = await all(members, "/api/v1/workspaces/{ws}/members", { ws: `${tag}-ws` }, { q: `${tag}-member` });
    expect(m).toEqual({ username: `${tag}-member`, displayName: null, email: null, role: "regular", since: sameInstant.toISOString(), expiresAt: null });
  });
});

describe("visibility", () => {
  it("a member sees the projects where their membership is in force: not one it has ended in, not one they are not in", async () => {
    const rows = await all(projects, "/api/v1/workspaces/{ws}/projects", { ws: `${tag}-ws` }, {}, memberToken);
    expect(rows.map((r) => r.name)).toEqual([`${tag}-p1`]);
  });

  it("a membership that has ended is not listed, and its workspace is no longer the member's", async () => {
    expect((await all(members, "/api/v1/workspaces/{ws}/members", { ws: `${tag}-gone` })).map((r) => r.username)).toEqual([`${tag}-owner`]);
    expect((await all(workspaces, "/api/v1/workspaces", {}, { q: tag }, memberToken)).map((r) => r.name)).toEqual([`${tag}-ws`]);
  });
});

describe("keyset paging", () => {
  it.each([["since"], ["-since"]])("sort=%s pages one at a time through members who joined at the same instant, each once", async (sort) => {
    const rows = await all(members, "/api/v1/workspaces/{ws}/members", { ws: `${tag}-ws` }, { sort, limit: "1" });
    const twins = rows.map((r) => r.username).filter((u) => u !== `${tag}-owner`);
    expect(twins).toEqual(sort === "since" ? [`${tag}-member`, `${tag}-twin`] : [`${tag}-twin`, `${tag}-member`]);
  });

  it("refuses a cursor that is not one the list gave out with 422 naming cursor", async () => {
    for (const cursor of ["not-a-cursor", encodeCursor(JSON.stringify(["createdAt", "not a date", "x"]))]) {
      const res = await callRoute(workspaces, { method: "GET", path: "/api/v1/workspaces", token: admin, query: { sort: "createdAt", cursor } });
      expect(res.status).toBe(422);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ issues: [{ path: "cursor" }] });
    }
  });
});

describe("a scope that is not there", () => {
  it.each<[string, Handler, string, Record<string, string>]>([
    ["projects", projects, "/api/v1/workspaces/{ws}/projects", { ws: `${tag}-none` }],
    ["members", members, "/api/v1/workspaces/{ws}/members", { ws: `${tag}-none` }],
    ["project members", projectMembers, "/api/v1/workspaces/{ws}/projects/{project}/members", { ws: `${tag}-ws`, project: `${tag}-none` }],
    ["invitees", invitees, "/api/v1/workspaces/{ws}/invitees", { ws: `${tag}-none` }],
  ])("%s: 404 problem+json for a platform admin", async (_name, handler, path, params) => {
    const res = await callRoute(handler, { method: "GET", path, token: admin, params });
    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
  });
});

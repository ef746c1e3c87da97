// The list routes' sort, filters and keyset paging (#15 item 5): every sort pages through all rows once, in order,
// whatever the page size; filters narrow on the server; a bad sort or filter is a 422 naming its parameter; the
// parameters scripts already used (q, limit, cursor) keep working. Each test narrows to names only it made (the
// database is shared with the other files).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { encodeCursor } from "@/lib/api/page";
import { GET as users } from "@/app/api/v1/users/route";
import { GET as workspaces } from "@/app/api/v1/workspaces/route";
import { GET as clusters } from "@/app/api/v1/clusters/route";
import { GET as projects } from "@/app/api/v1/workspaces/[ws]/projects/route";
import { GET as members } from "@/app/api/v1/workspaces/[ws]/members/route";
import { GET as invitees } from "@/app/api/v1/workspaces/[ws]/invitees/route";
import { GET as projectInvitees } from "@/app/api/v1/workspaces/[ws]/projects/[project]/invitees/route";
import { GET as loginRecords } from "@/app/api/v1/users/[username]/login-records/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";
import { registerSimulator, type TestCluster } from "../support/cluster";

type Row = Record<string, string>;
interface PageBody {
  items: Row[];
  nextCursor: string | null;
}

let admin: string;
let owner: User;
let ownerToken: string;
let clusterA: TestCluster;
let clusterB: TestCluster;
const tag = uniqueName("lst");
let ws: string;

/** Every page of a list, `limit` rows at a time, as one array. */
async function all(handler: Handler, path: string, query: Record<string, string>, params: Record<string, string> = {}, token = admin) {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const res = await callRoute(handler, { method: "GET", path, token, params, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as PageBody;
    rows.push(...body.items);
    if (!body.nextCursor) return rows;
    cursor = body.nextCursor;
  }
  throw new Error("the list never ended");
}

/** The order the rows should come in: by `field`, then by `key`, both in the sort's direction. */
function sorted(rows: Row[], field: string, key: string, desc: boolean) {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => (desc ? -1 : 1) * (cmp(a[field]!, b[field]!) || cmp(a[key]!, b[key]!)));
}

const names = (rows: Row[], key = "name") => rows.map((r) => r[key]);

beforeAll(async () => {
  admin = await tokenFor(await makeUser("platform-admin"));
  owner = await makeUser("platform-regular", `${tag}-owner`);
  ownerToken = await tokenFor(owner);
  clusterA = await registerSimulator("lists-a");
  clusterB = await registerSimulator("lists-b");
  // Users made in a shuffled name order, so creation order and name order differ; roles and statuses mixed.
  for (const [i, n] of ["u5", "u1", "u4", "u2", "u7", "u3", "u6"].entries()) {
    await db().user.create({
      data: {
        username: `${tag}-${n}`,
        displayName: `List ${n}`,
        platformRole: i % 3 ? "platform-regular" : "platform-self-provisioner",
        status: i % 2 ? "disabled" : "active",
        createdAt: new Date(Date.now() - (10 - i) * 1000),
      },
    });
  }
  ws = (await createWorkspace({ name: `${tag}-ws`, clusters: [clusterA.name, clusterB.name] }, owner)).name;
  for (const n of ["w3", "w1", "w2"]) await createWorkspace({ name: `${tag}-${n}`, clusters: n === "w2" ? [clusterB.name] : [] }, owner);
  const w = await db().workspace.findUniqueOrThrow({ where: { name: ws } });
  for (const [i, n] of ["p4", "p2", "p5", "p1", "p3"].entries()) {
    await db().project.create({ data: { name: `${tag}-${n}`, workspaceId: w.id, clusterId: (await db().cluster.findUniqueOrThrow({ where: { name: i % 2 ? clusterB.name : clusterA.name } })).id, status: i % 2 ? "error" : "ready" } });
  }
  const us = await db().user.findMany({ where: { username: { startsWith: `${tag}-u` } }, orderBy: { username: "asc" } });
  for (const [i, u] of us.slice(0, 5).entries()) await db().workspaceMember.create({ data: { workspaceId: w.id, userId: u.id, role: i % 2 ? "viewer" : "regular" } });
});

afterAll(async () => {
  await clusterA.stop();
  await clusterB.stop();
});

describe("users", () => {
  const path = "/api/v1/users";

  it.each([["username"], ["-username"], ["createdAt"], ["-createdAt"], ["platformRole"], ["-platformRole"]])("sort=%s pages through every user once, in order, 2 at a time", async (sort) => {
    const rows = await all(users, path, { q: `${tag}-u`, sort, limit: "2" });
    const field = sort.replace(/^-/, "");
    expect(rows).toHaveLength(7);
    expect(new Set(names(rows, "username")).size).toBe(7);
    expect(names(rows, "username")).toEqual(names(sorted(rows, field, "username", sort.startsWith("-")), "username"));
  });

  it("sorting by creation is not sorting by name", async () => {
    expect(names(await all(users, path, { q: `${tag}-u`, sort: "createdAt" }), "username")).toEqual(["u5", "u1", "u4", "u2", "u7", "u3", "u6"].map((n) => `${tag}-${n}`));
  });

  it("filters by status and platform role on the server", async () => {
    const disabled = await all(users, path, { q: `${tag}-u`, status: "disabled", limit: "1" });
    expect(names(disabled, "username")).toEqual([`${tag}-u1`, `${tag}-u2`, `${tag}-u3`]);
    const provisioners = await all(users, path, { q: `${tag}-u`, role: "platform-self-provisioner" });
    expect(names(provisioners, "username")).toEqual([`${tag}-u2`, `${tag}-u5`, `${tag}-u6`]);
    expect(await all(users, path, { q: `${tag}-u`, source: "local", status: "active", role: "platform-regular" })).toHaveLength(2);
  });

  it.each([
    [{ sort: "passwordHash" }, "sort"],
    [{ sort: "-" }, "sort"],
    [{ status: "locked" }, "status"],
    [{ role: "Not A Role" }, "role"],
  ])("refuses %j with 422 naming %s", async (query, field) => {
    const res = await callRoute(users, { method: "GET", path, token: admin, query });
    expect(res.status).toBe(422);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ issues: [{ path: field }] });
  });

  it("refuses a cursor made for another sort instead of restarting the list", async () => {
    const first = (await callRoute(users, { method: "GET", path, token: admin, query: { q: `${tag}-u`, sort: "-createdAt", limit: "2" } })).body as PageBody;
    const res = await callRoute(users, { method: "GET", path, token: admin, query: { q: `${tag}-u`, sort: "username", limit: "2", cursor: first.nextCursor! } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: "cursor" }] });
  });

  it("keeps the parameters scripts already send: q, limit and a cursor naming the last user", async () => {
    const res = await callRoute(users, { method: "GET", path, token: admin, query: { q: `${tag}-u`, limit: "3", cursor: encodeCursor(`${tag}-u2`) } });
    expect(res.status).toBe(200);
    expect(names((res.body as PageBody).items, "username")).toEqual([`${tag}-u3`, `${tag}-u4`, `${tag}-u5`]);
  });
});

describe("workspaces", () => {
  const path = "/api/v1/workspaces";

  it.each([["name"], ["-name"], ["createdAt"], ["-createdAt"]])("sort=%s pages through every workspace once, in order", async (sort) => {
    const rows = await all(workspaces, path, { q: tag, sort, limit: "1" });
    expect(rows).toHaveLength(4);
    expect(names(rows)).toEqual(names(sorted(rows, sort.replace(/^-/, ""), "name", sort.startsWith("-"))));
  });

  it("filters by cluster, and shows a regular user only their own", async () => {
    expect(names(await all(workspaces, path, { q: tag, cluster: clusterB.name }))).toEqual([`${tag}-w2`, ws]);
    const outsider = await tokenFor(await makeUser());
    expect(await all(workspaces, path, { q: tag }, {}, outsider)).toEqual([]);
  });

  it("refuses an unknown sort with 422", async () => {
    const res = await callRoute(workspaces, { method: "GET", path, token: admin, query: { sort: "memberCount" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: "sort" }] });
  });
});

describe("projects", () => {
  const path = "/api/v1/workspaces/{ws}/projects";

  it.each([["name"], ["-name"], ["createdAt"], ["-createdAt"]])("sort=%s pages through every project once, in order", async (sort) => {
    const rows = await all(projects, path, { sort, limit: "2" }, { ws });
    expect(rows).toHaveLength(5);
    expect(names(rows)).toEqual(names(sorted(rows, sort.replace(/^-/, ""), "name", sort.startsWith("-"))));
  });

  it("filters by status, cluster and name", async () => {
    expect(names(await all(projects, path, { status: "error" }, { ws }))).toEqual([`${tag}-p1`, `${tag}-p2`]);
    expect(names(await all(projects, path, { cluster: clusterA.name, sort: "-name" }, { ws }))).toEqual([`${tag}-p5`, `${tag}-p4`, `${tag}-p3`]);
    expect(names(await all(projects, path, { q: "p3" }, { ws }))).toEqual([`${tag}-p3`]);
  });

  it("refuses a status that is none with 422", async () => {
    const res = await callRoute(projects, { method: "GET", path, token: admin, params: { ws }, query: { status: "running" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: "status" }] });
  });
});

describe("members", () => {
  const path = "/api/v1/workspaces/{ws}/members";

  it.each([["username"], ["-username"], ["role"], ["-role"], ["since"], ["-since"]])("sort=%s pages through every member once, in order", async (sort) => {
    const rows = await all(members, path, { sort, limit: "2" }, { ws });
    expect(rows).toHaveLength(6);
    expect(new Set(names(rows, "username")).size).toBe(6);
    expect(names(rows, "username")).toEqual(names(sorted(rows, sort.replace(/^-/, ""), "username", sort.startsWith("-")), "username"));
  });

  it("filters by role", async () => {
    expect(names(await all(members, path, { role: "viewer" }, { ws }), "username")).toEqual([`${tag}-u2`, `${tag}-u4`]);
  });

  it("refuses an unknown sort with 422", async () => {
    const res = await callRoute(members, { method: "GET", path, token: admin, params: { ws }, query: { sort: "email" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: "sort" }] });
  });
});

describe("clusters", () => {
  it("are searched and filtered on the server", async () => {
    const res = await callRoute(clusters, { method: "GET", path: "/api/v1/clusters", token: admin, query: { q: clusterB.name } });
    expect(res.status).toBe(200);
    expect(names((res.body as PageBody).items)).toEqual([clusterB.name]);
    const bad = await callRoute(clusters, { method: "GET", path: "/api/v1/clusters", token: admin, query: { health: "sick" } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ issues: [{ path: "health" }] });
  });
});

describe("login records", () => {
  it("filter by outcome", async () => {
    const u = await db().user.findUniqueOrThrow({ where: { username: `${tag}-u1` } });
    await db().loginRecord.createMany({ data: [{ userId: u.id, username: u.username, provider: "local", outcome: "success" }, { userId: u.id, username: u.username, provider: "local", outcome: "failure", reason: "Wrong password." }] });
    const res = await callRoute(loginRecords, { method: "GET", path: "/api/v1/users/{username}/login-records", token: admin, params: { username: u.username }, query: { outcome: "failure" } });
    expect(res.status).toBe(200);
    expect((res.body as PageBody).items.map((r) => r.outcome)).toEqual(["failure"]);
  });
});

describe("invitees: the users a member manager may add", () => {
  it("in a workspace: active users who are not members yet, by name and paged; names only", async () => {
    const rows = await all(invitees, "/api/v1/workspaces/{ws}/invitees", { q: `${tag}-u`, limit: "1" }, { ws }, ownerToken);
    // u1–u5 are members; u6 and u7 are not.
    expect(rows).toEqual([
      { username: `${tag}-u6`, displayName: "List u6" },
      { username: `${tag}-u7`, displayName: "List u7" },
    ]);
  });

  it("in a project: the workspace's members who are not in it", async () => {
    const project = `${tag}-p1`;
    const p = await db().project.findFirstOrThrow({ where: { name: project } });
    const u3 = await db().user.findUniqueOrThrow({ where: { username: `${tag}-u3` } });
    await db().projectMember.create({ data: { projectId: p.id, userId: u3.id, role: "viewer" } });
    const rows = await all(projectInvitees, "/api/v1/workspaces/{ws}/projects/{project}/invitees", { q: tag }, { ws, project }, ownerToken);
    // Active workspace members: the owner, u4, u5 (u1–u3 are disabled; u3 is in the project besides).
    expect(names(rows, "username")).toEqual([`${tag}-owner`, `${tag}-u4`, `${tag}-u5`]);
  });

  it("are asked what adding a member asks: a member who may not add members is refused, an outsider sees no workspace", async () => {
    const viewer = await db().user.findUniqueOrThrow({ where: { username: `${tag}-u1` } });
    await db().user.update({ where: { id: viewer.id }, data: { status: "active" } });
    const path = "/api/v1/workspaces/{ws}/invitees";
    const member = await callRoute(invitees, { method: "GET", path, token: await tokenFor(viewer), params: { ws } });
    expect(member.status).toBe(403);
    const outsider = await callRoute(invitees, { method: "GET", path, token: await tokenFor(await makeUser()), params: { ws } });
    expect(outsider.status).toBe(404);
  });
});

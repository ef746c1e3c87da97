// A browser's calls carry next-auth's session cookie, read on every request without next-auth's session endpoint
// (lib/auth/session.ts): the cookie's session row and user, and the caller's membership, decide each request anew,
// so a revoked session, a disabled user or a removed membership count from the very next request.
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { openSession, revokeSession } from "@/lib/identity/sessions";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as getWorkspace } from "@/app/api/v1/workspaces/[ws]/route";
import { GET as myPermissions } from "@/app/api/v1/me/permissions/route";
import pg from "pg";
import { recordStatements } from "@/bench/support/statements";
import { callRoute } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

/** The cookie next-auth's jwt callback gives a user signed in to `sid` (lib/auth/options.ts). */
async function cookieFor(user: User, sid: string, secret = process.env.NEXTAUTH_SECRET!) {
  return `next-auth.session-token=${await encode({ token: { name: user.username, uid: user.id, sid }, secret })}`;
}
const asCookie = (cookie: string) => ({ method: "GET", path: "/api/v1/me", headers: { cookie } });

let ws: string;
beforeAll(async () => {
  ws = uniqueName("cookie-ws");
  await db().workspace.create({ data: { name: ws } });
});

describe("session cookie", () => {
  it("signs a request in while its session lives, not after it is revoked", async () => {
    const user = await makeUser();
    const session = await openSession(user.id, "local", {});
    const cookie = await cookieFor(user, session.id);
    const ok = await callRoute(me, asCookie(cookie));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: user.username });
    await revokeSession(user.id, session.id);
    expect((await callRoute(me, asCookie(cookie))).status).toBe(401);
  });

  it("answers 401 for a disabled user, a cookie naming another user's session, another secret's cookie or none", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const session = await openSession(user.id, "local", {});
    const theirs = await openSession(other.id, "local", {});
    expect((await callRoute(me, asCookie(await cookieFor(user, theirs.id)))).status).toBe(401);
    expect((await callRoute(me, asCookie(await cookieFor(user, session.id, "not-the-console-secret")))).status).toBe(401);
    expect((await callRoute(me, asCookie(`next-auth.session-token=${"x".repeat(40)}`))).status).toBe(401);
    expect((await callRoute(me, { method: "GET", path: "/api/v1/me" })).status).toBe(401);
    const cookie = await cookieFor(user, session.id);
    expect((await callRoute(me, asCookie(cookie))).status).toBe(200);
    await db().user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect((await callRoute(me, asCookie(cookie))).status).toBe(401);
  });

  it("loses a workspace on the request after the membership is removed", async () => {
    const user = await makeUser();
    const { id: workspaceId } = await db().workspace.findUniqueOrThrow({ where: { name: ws } });
    await db().workspaceMember.create({ data: { workspaceId, userId: user.id, role: "viewer" } });
    const cookie = await cookieFor(user, (await openSession(user.id, "local", {})).id);
    const call = () => callRoute(getWorkspace, { method: "GET", path: `/api/v1/workspaces/${ws}`, params: { ws }, headers: { cookie } });
    expect((await call()).status).toBe(200);
    await db().workspaceMember.delete({ where: { workspaceId_userId: { workspaceId, userId: user.id } } });
    expect((await call()).status).toBe(404);
  });

  it("reads the session, its user and their bindings in the scope in one statement, with each binding's role and end", async () => {
    const user = await makeUser();
    const cluster = await db().cluster.create({ data: { name: uniqueName("cookie-c"), credentials: "v1.unused" } });
    const { id: workspaceId } = await db().workspace.findUniqueOrThrow({ where: { name: ws } });
    const project = await db().project.create({ data: { name: uniqueName("p"), workspaceId, clusterId: cluster.id } });
    await db().customRole.create({ data: { level: "project", scopeId: project.id, name: "log-reader", templates: ["project-members.manage"] } });
    const ends = new Date(Date.now() + 3_600_000 + 123);
    await db().workspaceMember.create({ data: { workspaceId, userId: user.id, role: "viewer", expiresAt: ends } });
    await db().projectMember.create({ data: { projectId: project.id, userId: user.id, role: "log-reader" } });
    const cookie = await cookieFor(user, (await openSession(user.id, "local", {})).id);
    const recording = recordStatements(new pg.Client()) // every client of this process;
    const res = await callRoute(myPermissions, { method: "GET", path: `/api/v1/me/permissions?workspace=${ws}&project=${project.name}`, headers: { cookie } }).finally(() => recording.stop());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      roles: { workspace: "viewer", project: "log-reader" },
      expiresAt: { workspace: ends.toISOString(), project: null },
      permissions: expect.arrayContaining(["project-members.manage"]),
    });
    const reading = (table: string) => recording.sent.filter((st) => st.text.includes(`FROM "${table}"`));
    expect(reading("Session")).toHaveLength(1);
    expect(reading("WorkspaceMember")).toEqual(reading("Session"));
    expect(reading("ProjectMember")).toEqual(reading("Session"));
  });
});

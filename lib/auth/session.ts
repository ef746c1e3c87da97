// Who is calling: a bearer token's owner, or the signed-in user behind a live server-side session
// (re-read on every request), and their bindings for a scope.
import { Prisma, type User } from "@prisma/client";
import { cookies } from "next/headers";
import { prepared } from "../db/sql";
import { authOptions } from "./options";
import { decodeSessionToken } from "./session-token";
import { projectKey, type Grant, type Principal, type Scope } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";
import { liveSession } from "../identity/sessions";
import { userForToken } from "../identity/tokens";
import { roleTemplates } from "../rbac/catalogue";
import { liveProjectMemberSql, liveWorkspaceMemberSql } from "../tenancy/expiry";

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1]! : null;
}

/**
 * The user id and server-side session id the caller's session cookie carries, decrypted as next-auth does, or null.
 * Not getServerSession(): on every call it also makes a CSRF token, runs the callbacks and encrypts a renewed
 * cookie that no route handler or server component can send, several times the cost of this (docs/benchmarks.md,
 * "Where the time went"). The cookie is never split into chunks: next-auth does that only above 4 kB.
 */
async function sessionClaims(): Promise<{ id: string; sid: string } | null> {
  const token = (await cookies()).get(`${authOptions.useSecureCookies ? "__Secure-" : ""}next-auth.session-token`)?.value;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  const claims = await decodeSessionToken(token, secret);
  return typeof claims?.uid === "string" && typeof claims.sid === "string" ? { id: claims.uid, sid: claims.sid } : null;
}

/** The session id in the caller's cookie (null for token callers or no session). */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionClaims())?.sid ?? null;
}

/**
 * The active user behind the request, or null. With `req` (API routes), a bearer token is honoured;
 * otherwise the session cookie must name a live session: revoked, idle or expired sessions and
 * disabled or deleted users have none.
 */
export async function currentUser(req?: Request): Promise<User | null> {
  const token = req ? bearerToken(req.headers) : null;
  if (token) return userForToken(token);
  const claims = await sessionClaims();
  if (!claims) return null;
  const { id, sid } = claims;
  const live = await liveSession(sid);
  if (!live || live.user.id !== id) return null;
  return live.user.status === "active" ? live.user : null;
}

type Binding = { level: "workspace" | "project"; role: string; expiresAt: Date | null; templates: string[] | null };

/**
 * Loads only the bindings that matter for `scope`: never a scan of all of a user's memberships. A membership
 * that has ended counts for nothing from that instant, in the same query, before the expiry step deletes it.
 * One statement on the pool (membership in the workspace and in the project, each with its custom role's
 * templates): every authorised request asks, and Prisma queries cost more CPU to compile than to answer.
 */
export async function principalFor(user: User, scope: Scope = {}): Promise<Principal> {
  const workspaces = new Map<string, Grant>();
  const projects = new Map<string, Grant>();
  const now = new Date();
  const { workspace, project } = scope;
  const inWorkspace = (ws: string) => Prisma.sql`
    SELECT 'workspace' AS level, m."role", m."expiresAt", c."templates"
    FROM "WorkspaceMember" m JOIN "Workspace" w ON w."id" = m."workspaceId"
    LEFT JOIN "CustomRole" c ON c."level" = 'workspace' AND c."scopeId" = m."workspaceId"::text AND c."name" = m."role"
    WHERE w."name" = ${ws} AND ${liveWorkspaceMemberSql(user.id, now)}`;
  const bindings = !workspace
    ? []
    : !project
      ? await prepared.rows<Binding>(inWorkspace(workspace))
      : await prepared.rows<Binding>(Prisma.sql`${inWorkspace(workspace)}
          UNION ALL
          SELECT 'project', m."role", m."expiresAt", c."templates"
          FROM "ProjectMember" m JOIN "Project" p ON p."id" = m."projectId" JOIN "Workspace" w ON w."id" = p."workspaceId"
          LEFT JOIN "CustomRole" c ON c."level" = 'project' AND c."scopeId" = m."projectId"::text AND c."name" = m."role"
          WHERE w."name" = ${workspace} AND p."name" = ${project} AND ${liveProjectMemberSql(user.id, now)}`);
  for (const b of bindings) {
    // A built-in name always means the built-in (as grantFor()).
    const grant = { role: b.role, permissions: new Set(roleTemplates(b.level, b.role, b.templates)), expiresAt: b.expiresAt };
    if (b.level === "workspace") workspaces.set(workspace!, grant);
    else projects.set(projectKey(workspace!, project!), grant);
  }
  return {
    userId: user.id,
    username: user.username,
    active: user.status === "active",
    platform: await grantFor("platform", "", user.platformRole),
    workspaces,
    projects,
  };
}

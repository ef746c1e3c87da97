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
  return (await caller(req))?.user ?? null;
}

/**
 * The caller and their bindings for `scope`, what route() asks of every API request. A session cookie's user and
 * bindings come in one statement (the bindings for the user id the cookie names, counted only when the session's
 * user is that one): one round trip to PostgreSQL fewer on every request. A bearer token's caller takes two.
 */
export async function callerFor(req: Request, scope: Scope): Promise<{ user: User; principal: Principal } | null> {
  const found = await caller(req, scope);
  if (!found) return null;
  return { user: found.user, principal: await principalOf(found.user, scope, found.bindings ?? (await bindingsOf(found.user.id, scope))) };
}

/** The caller, and with a `scope` their bindings there when the session's statement could read them. */
async function caller(req?: Request, scope?: Scope): Promise<{ user: User; bindings?: Binding[] } | null> {
  const token = req ? bearerToken(req.headers) : null;
  if (token) {
    const user = await userForToken(token);
    return user && { user };
  }
  const claims = await sessionClaims();
  if (!claims) return null;
  const { id, sid } = claims;
  const now = new Date();
  const asked = scope && bindingsSql(id, scope, now);
  const live = await liveSession(sid, now, asked ? Prisma.sql`(SELECT coalesce(json_agg(b), '[]'::json) FROM (${asked}) b)` : undefined);
  if (!live || live.user.id !== id || live.user.status !== "active") return null;
  if (!scope) return { user: live.user };
  // json_agg writes a membership's end (timestamptz) as ISO 8601 with its offset. A scope without a workspace has none.
  const rows = (asked ? live.also : []) as (Omit<Binding, "expiresAt"> & { expiresAt: string | null })[];
  return { user: live.user, bindings: rows.map((b) => ({ ...b, expiresAt: b.expiresAt ? new Date(b.expiresAt) : null })) };
}

type Binding = { level: "workspace" | "project"; role: string; expiresAt: Date | null; templates: string[] | null };

/**
 * Loads only the bindings that matter for `scope`: never a scan of all of a user's memberships. A membership
 * that has ended counts for nothing from that instant, in the same query, before the expiry step deletes it.
 * One statement on the pool (membership in the workspace and in the project, each with its custom role's
 * templates): every authorised request asks, and Prisma queries cost more CPU to compile than to answer.
 */
export async function principalFor(user: User, scope: Scope = {}): Promise<Principal> {
  return principalOf(user, scope, await bindingsOf(user.id, scope));
}

async function bindingsOf(userId: string, scope: Scope): Promise<Binding[]> {
  const sql = bindingsSql(userId, scope, new Date());
  return sql ? prepared.rows<Binding>(sql) : [];
}

/** The statement of a user's memberships in the scope's workspace and project, or null for a scope without one. */
function bindingsSql(userId: string, { workspace, project }: Scope, now: Date): Prisma.Sql | null {
  if (!workspace) return null;
  const inWorkspace = Prisma.sql`
    SELECT 'workspace' AS level, m."role", m."expiresAt", c."templates"
    FROM "WorkspaceMember" m JOIN "Workspace" w ON w."id" = m."workspaceId"
    LEFT JOIN "CustomRole" c ON c."level" = 'workspace' AND c."scopeId" = m."workspaceId"::text AND c."name" = m."role"
    WHERE w."name" = ${workspace} AND ${liveWorkspaceMemberSql(userId, now)}`;
  if (!project) return inWorkspace;
  return Prisma.sql`${inWorkspace}
    UNION ALL
    SELECT 'project', m."role", m."expiresAt", c."templates"
    FROM "ProjectMember" m JOIN "Project" p ON p."id" = m."projectId" JOIN "Workspace" w ON w."id" = p."workspaceId"
    LEFT JOIN "CustomRole" c ON c."level" = 'project' AND c."scopeId" = m."projectId"::text AND c."name" = m."role"
    WHERE w."name" = ${workspace} AND p."name" = ${project} AND ${liveProjectMemberSql(userId, now)}`;
}

async function principalOf(user: User, { workspace, project }: Scope, bindings: Binding[]): Promise<Principal> {
  const workspaces = new Map<string, Grant>();
  const projects = new Map<string, Grant>();
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

// What one reconcile pass needs from the database, in one statement: the project, its workspace's isolation and
// pool on this cluster, and the memberships in force with a custom role's templates joined (a built-in role's
// come from the catalogue). At 10,000 projects a pass is mostly this read and the cluster's answers; as nine
// Prisma statements it cost more than the cluster's writes (docs/benchmarks.md "Passes per project"). Plain SQL on
// the pool, as the other hot paths (lib/db/sql.ts): Prisma's client costs more CPU per statement than PostgreSQL.
import { Prisma } from "@prisma/client";
import { prepared } from "../db/sql";
import { liveSql } from "../tenancy/expiry";
import type { Hard } from "./quota";
import type { Limits } from "./limits";
import type { ProjectNetwork } from "../schemas/network";

export interface MemberGrant {
  username: string;
  active: boolean;
  role: string;
  /** A custom role's templates; null for a built-in role. */
  templates: string[] | null;
}

export interface ProjectState {
  id: string;
  name: string;
  status: "pending" | "ready" | "error" | "terminating";
  statusMessage: string | null;
  generation: number;
  observedGeneration: number;
  podSecurity: string;
  quota: { hard?: Hard } | null;
  limits: Limits | null;
  network: ProjectNetwork | null;
  workspace: string;
  networkIsolated: boolean;
  nodeSelector: Record<string, string> | null;
  /** The workspace's quota pool on this cluster. */
  pool: Hard | null;
  workspaceMembers: MemberGrant[];
  projectMembers: MemberGrant[];
}

/** The memberships of one scope (`m`, filtered by `where`) in force at `now`, as a JSON array. */
const members = (table: string, level: "workspace" | "project", where: Prisma.Sql, scopeId: Prisma.Sql, now: Date) => Prisma.sql`
  COALESCE((SELECT json_agg(json_build_object('username', u."username", 'active', u."status" = 'active', 'role', m."role", 'templates', r."templates"))
    FROM ${Prisma.raw(`"${table}"`)} m JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "CustomRole" r ON r."level" = ${level}::"RoleLevel" AND r."scopeId" = ${scopeId}::text AND r."name" = m."role"
    WHERE ${where} AND ${liveSql("m", now)}), '[]'::json)`;

export async function projectState(clusterId: string, name: string, now = new Date()): Promise<ProjectState | null> {
  const rows = await prepared.rows<ProjectState>(Prisma.sql`
    SELECT p."id", p."name", p."status"::text AS "status", p."statusMessage", p."generation", p."observedGeneration", p."podSecurity",
      p."quota", p."limits", p."network", w."name" AS "workspace", w."networkIsolated", w."nodeSelector",
      (SELECT q."hard" FROM "WorkspaceQuota" q WHERE q."workspaceId" = w."id" AND q."clusterId" = p."clusterId") AS "pool",
      ${members("WorkspaceMember", "workspace", Prisma.sql`m."workspaceId" = w."id"`, Prisma.sql`w."id"`, now)} AS "workspaceMembers",
      ${members("ProjectMember", "project", Prisma.sql`m."projectId" = p."id"`, Prisma.sql`p."id"`, now)} AS "projectMembers"
    FROM "Project" p JOIN "Workspace" w ON w."id" = p."workspaceId"
    WHERE p."clusterId" = ${clusterId}::uuid AND p."name" = ${name}`);
  return rows[0] ?? null;
}

// Who a member manager may add, for the invite form's picker: in a workspace any active user who holds no
// membership there yet (addMember takes any user by name, so this shows no one it would not accept); in a project
// the workspace's members who are not in it yet (a project member must be a workspace member). Names only.
import { Prisma } from "@prisma/client";
import { parseSort, type Page } from "../api/page";
import { searchSql, listPage } from "../db/list";
import type { ScopeRef } from "./scope";

export interface InviteeDto {
  username: string;
  displayName: string | null;
}

const BY_USERNAME = { field: "username", desc: false } as const;

/** One statement a page, by username; the scope is named (a missing one is a 404 from the same statement). */
export async function listInvitees(ref: Pick<ScopeRef, "scope">, opts: { limit: number; cursor?: string; q?: string }): Promise<Page<InviteeDto>> {
  const { workspace, project } = ref.scope;
  if (!workspace) throw new Error("invitees are for a workspace or a project");
  // Any membership of the workspace, even an ended one, takes the user out: addMember refuses them (409).
  const here = project
    ? Prisma.sql`EXISTS (SELECT 1 FROM "WorkspaceMember" m WHERE m."workspaceId" = s."workspaceId" AND m."userId" = u."id" AND (m."expiresAt" IS NULL OR m."expiresAt" > ${new Date()}::timestamptz))
        AND NOT EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = s."id" AND m."userId" = u."id")`
    : Prisma.sql`NOT EXISTS (SELECT 1 FROM "WorkspaceMember" m WHERE m."workspaceId" = s."id" AND m."userId" = u."id")`;
  const q = opts.q ? searchSql(opts.q, Prisma.sql`u."username"`, Prisma.sql`u."displayName"`) : Prisma.sql`TRUE`;
  const scope = project ? Prisma.sql`"Project" s JOIN "Workspace" w ON w."id" = s."workspaceId" AND w."name" = ${workspace}` : Prisma.sql`"Workspace" s`;
  return listPage<"username", InviteeDto>({
    sort: parseSort("username"),
    fallback: BY_USERNAME,
    cursor: opts.cursor,
    limit: opts.limit,
    columns: { username: Prisma.sql`u."username"` },
    key: "username",
    within: project ? `Project "${project}"` : `Workspace "${workspace}"`,
    statement: ({ after, orderBy, take }) => Prisma.sql`
      SELECT u.* FROM ${scope} LEFT JOIN LATERAL (
        SELECT u."username", u."displayName" FROM "User" u
        WHERE u."status" = 'active' AND ${here} AND ${q} AND ${after} ORDER BY ${orderBy} LIMIT ${take}
      ) u ON TRUE
      WHERE s."name" = ${project ?? workspace}
      ORDER BY ${orderBy}`,
  });
}

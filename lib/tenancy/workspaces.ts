// Workspaces: the tenant. Placement on clusters, creation (creator becomes admin), listing what a caller may see.
import { Prisma, type User } from "@prisma/client";
import { db } from "../db/client";
import { audited } from "../audit/context";
import { conflict, invalid, notFound } from "../api/errors";
import { parseSort, type Page } from "../api/page";
import { searchSql, listPage } from "../db/list";
import { workspaceCounts } from "../db/counts";
import { coversEveryWorkspace, type Principal } from "../rbac/authorize";
import type { WorkspaceCreate, WorkspaceUpdate } from "../schemas/workspace";
import type { WorkspaceListQuery } from "../schemas/lists";
import type { Ctx } from "../api/route";
import { liveWorkspaceMemberSql } from "./expiry";

const workspaceView = {
  id: true,
  name: true,
  displayName: true,
  description: true,
  networkIsolated: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  clusters: { select: { cluster: { select: { name: true } } }, orderBy: { cluster: { name: "asc" } } },
} satisfies Prisma.WorkspaceSelect;

type WorkspaceRow = Prisma.WorkspaceGetPayload<{ select: typeof workspaceView }>;

async function present(rows: WorkspaceRow[]) {
  const counts = await workspaceCounts(rows.map((w) => w.id));
  return rows.map(({ id, clusters, ...rest }) => ({
    ...rest,
    clusters: clusters.map((c) => c.cluster.name),
    projectCount: counts.projects.get(id) ?? 0,
    memberCount: counts.members.get(id) ?? 0,
  }));
}
export type WorkspaceDto = Awaited<ReturnType<typeof present>>[number];
const presentOne = async (w: WorkspaceRow) => (await present([w]))[0]!;

const WORKSPACE_SORT = { field: "name", desc: false } as const;

/** Every workspace for those who see all, else the caller's own; one statement, keyset over (sort field, name). */
export async function listWorkspaces(principal: Principal, opts: { limit: number; cursor?: string; q?: string } & Partial<Omit<WorkspaceListQuery, "limit" | "cursor" | "q">>): Promise<Page<WorkspaceDto>> {
  const seesAll = coversEveryWorkspace(principal, "workspace-settings.view");
  const where: Prisma.Sql[] = [];
  // Those who do not see every workspace see those where they hold a membership in force (lib/tenancy/expiry.ts).
  if (!seesAll) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "WorkspaceMember" m WHERE m."workspaceId" = w."id" AND ${liveWorkspaceMemberSql(principal.userId, new Date())})`);
  if (opts.cluster)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "WorkspaceCluster" wc JOIN "Cluster" c ON c."id" = wc."clusterId" WHERE wc."workspaceId" = w."id" AND c."name" = ${opts.cluster})`);
  if (opts.q) where.push(searchSql(opts.q, Prisma.sql`w."name"`, Prisma.sql`w."displayName"`));
  return listPage<"name" | "createdAt", WorkspaceDto>({
    sort: parseSort(opts.sort ?? "name"),
    fallback: WORKSPACE_SORT,
    cursor: opts.cursor,
    limit: opts.limit,
    columns: { name: Prisma.sql`w."name"`, createdAt: Prisma.sql`w."createdAt"` },
    key: "name",
    instants: ["createdAt"],
    // The page first, then its clusters and counts for those rows only (a count over every membership grows with the platform).
    statement: ({ after, orderBy, take }) => Prisma.sql`
      SELECT w."name", w."displayName", w."description", w."networkIsolated", w."createdBy", w."createdAt", w."updatedAt",
        cl."names" AS "clusters", pc."n" AS "projectCount", mc."n" AS "memberCount"
      FROM (SELECT * FROM "Workspace" w WHERE ${Prisma.join([...where, after], " AND ")} ORDER BY ${orderBy} LIMIT ${take}) w
      CROSS JOIN LATERAL (SELECT coalesce(array_agg(c."name" ORDER BY c."name"), '{}') AS "names"
        FROM "WorkspaceCluster" wc JOIN "Cluster" c ON c."id" = wc."clusterId" WHERE wc."workspaceId" = w."id") cl
      CROSS JOIN LATERAL (SELECT count(*)::int AS "n" FROM "Project" p WHERE p."workspaceId" = w."id") pc
      CROSS JOIN LATERAL (SELECT count(*)::int AS "n" FROM "WorkspaceMember" m WHERE m."workspaceId" = w."id") mc
      ORDER BY ${orderBy}`,
  });
}

export async function getWorkspace(name: string): Promise<WorkspaceDto> {
  const w = await db().workspace.findUnique({ where: { name }, select: workspaceView });
  if (!w) throw notFound(`Workspace "${name}"`);
  return presentOne(w);
}

/**
 * Placement hands out cluster capacity: a platform decision, not a tenant's. The one check for placing a
 * workspace on clusters, asked when one is created on clusters and when a workspace's clusters change.
 */
export async function requirePlacement(require: Ctx<unknown, unknown, unknown>["require"]): Promise<void> {
  await require("workspaces.manage", {});
}

async function clusterIds(names: string[]): Promise<string[]> {
  const unique = [...new Set(names)];
  const found = await db().cluster.findMany({ where: { name: { in: unique } }, select: { id: true, name: true } });
  const missing = unique.filter((n) => !found.some((c) => c.name === n));
  if (missing.length) throw invalid(missing.map((n) => ({ path: `clusters.${names.indexOf(n)}`, message: `No cluster named "${n}".` })));
  return found.map((c) => c.id);
}

export async function createWorkspace(input: WorkspaceCreate, creator: User): Promise<WorkspaceDto> {
  const ids = await clusterIds(input.clusters);
  if (await db().workspace.findUnique({ where: { name: input.name }, select: { id: true } }))
    throw conflict(`A workspace named "${input.name}" already exists.`, "already_exists");
  const w = await audited((tx) => tx.workspace.create({
    data: {
      name: input.name,
      displayName: input.displayName,
      description: input.description,
      createdBy: creator.username,
      clusters: { create: ids.map((clusterId) => ({ clusterId })) },
      members: { create: { userId: creator.id, role: "admin" } },
    },
    select: workspaceView,
  }));
  return presentOne(w);
}

export async function updateWorkspace(name: string, input: WorkspaceUpdate): Promise<WorkspaceDto> {
  const current = await db().workspace.findUnique({ where: { name }, select: { id: true } });
  if (!current) throw notFound(`Workspace "${name}"`);
  // Looked up before the transaction: a query outside it while it holds its connection would wait on itself.
  const ids = input.clusters ? await clusterIds(input.clusters) : undefined;
  return audited(async (tx) => {
    if (ids) {
      const stranded = await tx.project.findFirst({
        where: { workspaceId: current.id, clusterId: { notIn: ids } },
        select: { name: true, cluster: { select: { name: true } } },
      });
      if (stranded) throw conflict(`Project "${stranded.name}" still lives on cluster "${stranded.cluster.name}"; delete it before removing the cluster.`);
      await tx.workspaceCluster.deleteMany({ where: { workspaceId: current.id, clusterId: { notIn: ids } } });
      await tx.workspaceCluster.createMany({ data: ids.map((clusterId) => ({ workspaceId: current.id, clusterId })), skipDuplicates: true });
    }
    const w = await tx.workspace.update({
      where: { id: current.id },
      data: { displayName: input.displayName, description: input.description },
      select: workspaceView,
    });
    return w;
  }).then(presentOne);
}

export async function deleteWorkspace(name: string): Promise<void> {
  const w = await db().workspace.findUnique({ where: { name }, select: { id: true } });
  if (!w) throw notFound(`Workspace "${name}"`);
  const projects = await db().project.count({ where: { workspaceId: w.id } });
  if (projects > 0) throw conflict(`Workspace "${name}" still has ${projects} project(s); delete them first.`, "not_empty");
  await audited((tx) => tx.workspace.delete({ where: { id: w.id } }));
}

// Projects: one namespace in one of the workspace's clusters. The database row is the desired state;
// lib/kube/reconciler.ts makes the cluster match and reports pending / ready / error.
import { Prisma, type User } from "@prisma/client";
import { db } from "../db/client";
import { audited } from "../audit/context";
import { conflict, invalid, notFound } from "../api/errors";
import { authorize, type Principal } from "../rbac/authorize";
import { parseSort, type Page } from "../api/page";
import { searchSql, listPage } from "../db/list";
import type { ProjectCreate } from "../schemas/project";
import type { ProjectListQuery } from "../schemas/lists";
import { namespaceOwner } from "../kube/namespace";
import { requestReconcile } from "../kube/controller/enqueue";
import { initialProjectQuota } from "./quotas";
import { projectMemberCounts } from "../db/counts";
import { liveProjectMemberSql } from "./expiry";

const projectView = {
  id: true,
  name: true,
  displayName: true,
  description: true,
  status: true,
  statusMessage: true,
  podSecurity: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  cluster: { select: { name: true } },
  workspace: { select: { name: true } },
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectView }>;

async function present(rows: ProjectRow[]) {
  const members = await projectMemberCounts(rows.map((p) => p.id));
  return rows.map(({ id, cluster, workspace, ...rest }) => ({
    ...rest,
    namespace: rest.name,
    cluster: cluster.name,
    workspace: workspace.name,
    memberCount: members.get(id) ?? 0,
  }));
}
export type ProjectDto = Awaited<ReturnType<typeof present>>[number];

const PROJECT_SORT = { field: "name", desc: false } as const;

/** All projects for those who see every project of the workspace, else only the caller's own; one statement, keyset over (sort field, name). */
export async function listProjects(
  principal: Principal,
  ws: string,
  opts: { limit: number; cursor?: string; q?: string } & Partial<Omit<ProjectListQuery, "limit" | "cursor" | "q">> = { limit: 500 },
): Promise<Page<ProjectDto>> {
  const seesAll = authorize(principal, "projects.view", { workspace: ws }).allowed;
  const where: Prisma.Sql[] = [];
  // The others see the projects where they hold a membership in force, and the workspace membership under it.
  if (!seesAll) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = p."id" AND ${liveProjectMemberSql(principal.userId, new Date())})`);
  if (opts.status) where.push(Prisma.sql`p."status" = ${opts.status}::"ProjectStatus"`);
  if (opts.cluster) where.push(Prisma.sql`p."clusterId" = (SELECT "id" FROM "Cluster" WHERE "name" = ${opts.cluster})`);
  if (opts.q) where.push(searchSql(opts.q, Prisma.sql`p."name"`, Prisma.sql`p."displayName"`));
  return listPage<"name" | "createdAt", ProjectDto>({
    sort: parseSort(opts.sort ?? "name"),
    fallback: PROJECT_SORT,
    cursor: opts.cursor,
    limit: opts.limit,
    columns: { name: Prisma.sql`p."name"`, createdAt: Prisma.sql`p."createdAt"` },
    key: "name",
    instants: ["createdAt"],
    within: `Workspace "${ws}"`,
    // From the workspace (none: 404), its page of projects, then each one's cluster and member count.
    statement: ({ after, orderBy, take }) => Prisma.sql`
      SELECT p.* FROM "Workspace" w LEFT JOIN LATERAL (
        SELECT p."name", p."displayName", p."description", p."status", p."statusMessage", p."podSecurity", p."createdBy", p."createdAt", p."updatedAt",
          p."name" AS "namespace", c."name" AS "cluster", w."name" AS "workspace", pm."n" AS "memberCount"
        FROM (SELECT * FROM "Project" p WHERE p."workspaceId" = w."id" AND ${Prisma.join([...where, after], " AND ")} ORDER BY ${orderBy} LIMIT ${take}) p
        JOIN "Cluster" c ON c."id" = p."clusterId"
        CROSS JOIN LATERAL (SELECT count(*)::int AS "n" FROM "ProjectMember" m WHERE m."projectId" = p."id") pm
      ) p ON TRUE
      WHERE w."name" = ${ws}
      ORDER BY ${orderBy}`,
  });
}

export async function getProject(ws: string, name: string): Promise<ProjectDto> {
  const p = await db().project.findFirst({ where: { name, workspace: { name: ws } }, select: projectView });
  if (!p) throw notFound(`Project "${name}"`);
  return (await present([p]))[0]!;
}

export async function createProject(ws: string, input: ProjectCreate, creator: User, principal: Principal): Promise<ProjectDto> {
  const workspace = await db().workspace.findUnique({
    where: { name: ws },
    select: { id: true, clusters: { where: { cluster: { name: input.cluster } }, select: { cluster: true } } },
  });
  if (!workspace) throw notFound(`Workspace "${ws}"`);
  const cluster = workspace.clusters[0]?.cluster;
  if (!cluster) throw invalid([{ path: "cluster", message: `Workspace "${ws}" is not authorised on cluster "${input.cluster}".` }]);
  const taken = await db().project.findFirst({
    where: { name: input.name, OR: [{ clusterId: cluster.id }, { workspaceId: workspace.id }] },
    select: { id: true },
  });
  if (taken) throw conflict(`A project or namespace named "${input.name}" already exists on cluster "${cluster.name}" or in this workspace.`, "already_exists");
  // A namespace someone made by hand is not ours to adopt. An unreachable cluster is no reason to refuse:
  // the project waits as `pending` and the reconciler creates it when the cluster answers.
  const owner = await namespaceOwner(cluster, ws, input.name).catch(() => "unknown" as const);
  if (owner === "foreign") throw conflict(`Namespace "${input.name}" already exists on cluster "${cluster.name}" and is not managed by this workspace.`, "already_exists");

  // The creator administers what they create unless they already manage every project here.
  const coveredAlready = authorize(principal, "projects.manage", { workspace: ws }).allowed;
  // Under the pool's lock, so the default quota is checked against what is allocated at this moment.
  await audited(async (tx) => {
    const quota = await initialProjectQuota(tx, workspace.id, cluster.id);
    await tx.project.create({
      data: {
        ...(quota ? { quota } : {}),
        name: input.name,
        displayName: input.displayName,
        description: input.description,
        workspaceId: workspace.id,
        clusterId: cluster.id,
        createdBy: creator.username,
        ...(coveredAlready ? {} : { members: { create: { userId: creator.id, role: "admin" } } }),
      },
      select: { id: true },
    });
    // A new project lags from birth (generation 1, observed 0): waking the reconciler is enough.
    await requestReconcile(tx);
  });
  return getProject(ws, input.name);
}

/** Marks the project terminating; the reconciler removes its namespace and then the project (202 meanwhile). */
export async function deleteProject(ws: string, name: string): Promise<void> {
  const p = await db().project.findFirst({ where: { name, workspace: { name: ws } }, select: { id: true } });
  if (!p) throw notFound(`Project "${name}"`);
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: p.id }, data: { status: "terminating", statusMessage: null } });
    await requestReconcile(tx, { id: p.id });
  });
}

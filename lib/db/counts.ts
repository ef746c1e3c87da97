// Per-row counts for list views. Prisma's `_count` joins an aggregate of the *whole* related table
// (GROUP BY over every membership), which grows with the platform; these count only the rows shown.
import { db } from "./client";

type Groups<K extends string> = ({ _count: number } & Record<K, string>)[];

const toMap = <K extends string>(groups: Groups<K>, key: K) => new Map(groups.map((g) => [g[key], g._count]));

export async function workspaceCounts(ids: string[]) {
  const [projects, members] = await Promise.all([
    db().project.groupBy({ by: ["workspaceId"], where: { workspaceId: { in: ids } }, _count: true }),
    db().workspaceMember.groupBy({ by: ["workspaceId"], where: { workspaceId: { in: ids } }, _count: true }),
  ]);
  return { projects: toMap(projects, "workspaceId"), members: toMap(members, "workspaceId") };
}

export async function projectMemberCounts(ids: string[]) {
  const groups = await db().projectMember.groupBy({ by: ["projectId"], where: { projectId: { in: ids } }, _count: true });
  return toMap(groups, "projectId");
}

export async function clusterCounts(ids: string[]) {
  const [workspaces, projects] = await Promise.all([
    db().workspaceCluster.groupBy({ by: ["clusterId"], where: { clusterId: { in: ids } }, _count: true }),
    db().project.groupBy({ by: ["clusterId"], where: { clusterId: { in: ids } }, _count: true }),
  ]);
  return { workspaces: toMap(workspaces, "clusterId"), projects: toMap(projects, "clusterId") };
}

export async function userWorkspaceCounts(ids: string[]) {
  const groups = await db().workspaceMember.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _count: true });
  return toMap(groups, "userId");
}

// The durable "needs reconcile" signal, written by the change's own transaction: the projects' generation
// goes up (so a leader that starts later still sees what lags) and a NOTIFY, delivered on commit, wakes the
// current leader within milliseconds. A ready project reads pending until the change is applied. Two statements
// for a whole workspace, however many projects it has.
import type { Prisma } from "@prisma/client";

export const RECONCILE_CHANNEL = "tenantry_reconcile";

type Tx = Pick<Prisma.TransactionClient, "project" | "$executeRaw">;

/** Marks the projects matching `where` as owed a reconcile (none: only wakes the leader, e.g. after a create). */
export async function requestReconcile(tx: Tx, where?: Prisma.ProjectWhereInput): Promise<void> {
  if (where) {
    await tx.project.updateMany({ where, data: { generation: { increment: 1 } } });
    // "ready" said the cluster matched the last generation; until a pass applies this one it is "pending" again,
    // so nobody (a script polling for ready, the console's badge) reads ready for a state not yet in the cluster.
    await tx.project.updateMany({ where: { AND: [where, { status: "ready" }] }, data: { status: "pending" } });
  }
  await tx.$executeRaw`SELECT pg_notify(${RECONCILE_CHANNEL}, '')`;
}

/** The projects where a user holds RoleBindings: their own, and every project of their workspaces. */
export const projectsOfUser = (userId: string): Prisma.ProjectWhereInput => ({
  OR: [{ members: { some: { userId } } }, { workspace: { members: { some: { userId } } } }],
});

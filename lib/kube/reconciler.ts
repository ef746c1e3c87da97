// Makes each cluster match the database, project by project, and records the outcome as status.
// A cluster that is down only marks its projects `error`; the next pass catches up.
import { db } from "../db/client";
import { kubeReason } from "./client";
import { ensureNamespace, removeNamespace } from "./namespace";

export type ReconcileOutcome = "ready" | "error" | "terminating" | "gone" | "missing";

export async function reconcileProject(id: string): Promise<ReconcileOutcome> {
  const p = await db().project.findUnique({ where: { id }, include: { cluster: true, workspace: { select: { name: true } } } });
  if (!p) return "missing";
  try {
    if (p.status === "terminating") {
      if (!(await removeNamespace(p.cluster, p.name))) return "terminating";
      await db().project.delete({ where: { id } });
      return "gone";
    }
    await ensureNamespace(p.cluster, p.workspace.name, p.name);
    if (p.status !== "ready" || p.statusMessage) await setStatus(id, "ready", null);
    return "ready";
  } catch (err) {
    const reason = kubeReason(err);
    if (p.status === "terminating") await setStatus(id, "terminating", reason);
    else await setStatus(id, "error", reason);
    return p.status === "terminating" ? "terminating" : "error";
  }
}

async function setStatus(id: string, status: "ready" | "error" | "terminating", statusMessage: string | null) {
  await db().project.updateMany({ where: { id }, data: { status, statusMessage } });
}

/** One pass over every project, a few at a time so one slow cluster does not serialise the rest. */
export async function reconcileAll(concurrency = 8): Promise<Record<ReconcileOutcome, number>> {
  const ids = (await db().project.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((p) => p.id);
  const counts: Record<ReconcileOutcome, number> = { ready: 0, error: 0, terminating: 0, gone: 0, missing: 0 };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) counts[await reconcileProject(ids[next++]!)]++;
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return counts;
}

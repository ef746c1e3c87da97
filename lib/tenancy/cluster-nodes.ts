// A registered cluster's nodes (GET /api/v1/clusters/{cluster}/nodes): read live, never stored.
import { db } from "../db/client";
import { AppError, notFound } from "../api/errors";
import { kubeSentence } from "../kube/errors";
import { listNodeSummaries } from "../kube/nodes";

export async function clusterNodes(name: string) {
  const cluster = await db().cluster.findUnique({ where: { name }, select: { id: true, credentials: true, updatedAt: true } });
  if (!cluster) throw notFound(`Cluster "${name}"`);
  try {
    return { items: await listNodeSummaries(cluster) };
  } catch (err) {
    throw new AppError(503, "cluster_unavailable", `Cluster "${name}" did not answer: ${kubeSentence(err, `nodes of ${name}`)}`);
  }
}

// One object of the project's workloads, read as the caller's cluster identity: its list row, status
// (conditions, containers, facts), the Events about it and its YAML (lib/kube/workloads.ts: managedFields
// stripped, a Secret without its values). The cluster refusing the object is the problem; refusing only its
// Events leaves them out with the reason, as the overview's lists do.
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { kubeProblem } from "@/lib/kube/errors";
import { clusterIdentity } from "@/lib/kube/impersonate";
import { isWorkloadKind } from "@/lib/schemas/workload-kinds";
import { readWorkload, unknownKind, workloadProblem } from "@/lib/kube/workloads";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import { workloadDetailOut, workloadObjectParams } from "@/lib/schemas/workloads";

export const GET = route(
  {
    action: "project.workloads.get",
    permission: "workloads.view",
    resource: "workloads",
    params: workloadObjectParams,
    response: workloadDetailOut,
    scope: (p) => ({ workspace: p.ws, project: p.project }),
  },
  async ({ params, principal, target, locale }) => {
    const project = await db().project.findFirst({ where: { name: params.project, workspace: { name: params.ws } }, select: { name: true, cluster: true } });
    if (!project) throw notFound(`Project "${params.project}"`);
    if (!isWorkloadKind(params.kind)) throw unknownKind(params.kind);
    Object.assign(target, { cluster: project.cluster.name, namespace: project.name, resource: params.kind, name: params.name });
    const identity = clusterIdentity(principal);
    const where = `${params.kind}/${params.name} in ${project.cluster.name}/${project.name} as ${identity.user}`;
    try {
      const detail = await readWorkload(project.cluster, identity, project.name, params.kind, params.name, async (list) => {
        try {
          return { items: await list(), error: null };
        } catch (err) {
          const problem = kubeProblem(err);
          console.warn(`workloads: events of ${where} failed: ${problem.raw}`);
          return { items: null, error: localizeServerMessage(problem.message, locale), code: problem.code };
        }
      });
      return { cluster: project.cluster.name, namespace: project.name, identity: identity.user, groups: identity.groups, ...detail };
    } catch (err) {
      throw workloadProblem(err, `reading ${where}`);
    }
  },
);

export * from "@/lib/api/unanswered";

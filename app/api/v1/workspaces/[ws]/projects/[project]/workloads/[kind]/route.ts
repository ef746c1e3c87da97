// One kind of the project's workloads (deployments … events), read from its cluster as the caller's cluster
// identity, as the overview's lists are (../route.ts). A kind that identity may not read answers the cluster's
// refusal as a 403 problem (cluster_forbidden) naming who and what; a kind it does not show is a 404.
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { clusterIdentity } from "@/lib/kube/impersonate";
import { isWorkloadKind } from "@/lib/schemas/workload-kinds";
import { listWorkloads, unknownKind, workloadProblem } from "@/lib/kube/workloads";
import { workloadKindParams, workloadListOut } from "@/lib/schemas/workloads";

export const GET = route(
  {
    action: "project.workloads.list",
    permission: "workloads.view",
    resource: "workloads",
    params: workloadKindParams,
    response: workloadListOut,
    scope: (p) => ({ workspace: p.ws, project: p.project }),
  },
  async ({ params, principal, target }) => {
    const project = await db().project.findFirst({ where: { name: params.project, workspace: { name: params.ws } }, select: { name: true, cluster: true } });
    if (!project) throw notFound(`Project "${params.project}"`);
    if (!isWorkloadKind(params.kind)) throw unknownKind(params.kind);
    Object.assign(target, { cluster: project.cluster.name, namespace: project.name, resource: params.kind });
    const identity = clusterIdentity(principal);
    try {
      const items = await listWorkloads(project.cluster, identity, project.name, params.kind);
      return { cluster: project.cluster.name, namespace: project.name, identity: identity.user, groups: identity.groups, kind: params.kind, items };
    } catch (err) {
      throw workloadProblem(err, `listing ${params.kind} in ${project.cluster.name}/${project.name} as ${identity.user}`);
    }
  },
);

export * from "@/lib/api/unanswered";

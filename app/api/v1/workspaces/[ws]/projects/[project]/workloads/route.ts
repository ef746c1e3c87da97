// The project's workloads read from its cluster as the member (lib/kube/impersonate.ts): what the cluster's
// RBAC refuses shows as that list's error, never as someone else's view.
import { AppsV1Api, CoreV1Api } from "@kubernetes/client-node";
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { kubeReason, withTimeout } from "@/lib/kube/client";
import { apiAsMember } from "@/lib/kube/impersonate";
import { subjectFor } from "@/lib/kube/rbac";
import { projectParams } from "@/lib/schemas/project";

async function attempt<T>(work: () => Promise<T>): Promise<{ items: T | null; error: string | null }> {
  try {
    return { items: await withTimeout(work()), error: null };
  } catch (err) {
    return { items: null, error: kubeReason(err) };
  }
}

export const GET = route(
  {
    action: "project.workloads",
    permission: "workloads.view",
    resource: "workloads",
    params: projectParams,
    scope: (p) => ({ workspace: p.ws, project: p.project }),
  },
  async ({ params, user, target }) => {
    const project = await db().project.findFirst({ where: { name: params.project, workspace: { name: params.ws } }, select: { name: true, cluster: true } });
    if (!project) throw notFound(`Project "${params.project}"`);
    target.cluster = project.cluster.name;
    const namespace = project.name;
    const core = apiAsMember(project.cluster, user.username, CoreV1Api);
    const apps = apiAsMember(project.cluster, user.username, AppsV1Api);
    const [deployments, pods, services] = await Promise.all([
      attempt(async () =>
        (await apps.listNamespacedDeployment({ namespace })).items.map((d) => ({
          name: d.metadata!.name!,
          replicas: d.spec?.replicas ?? 0,
          ready: d.status?.readyReplicas ?? 0,
          available: d.status?.availableReplicas ?? 0,
          createdAt: d.metadata?.creationTimestamp ?? null,
        })),
      ),
      attempt(async () =>
        (await core.listNamespacedPod({ namespace })).items.map((p) => ({
          name: p.metadata!.name!,
          phase: p.status?.phase ?? "Unknown",
          ready: `${(p.status?.containerStatuses ?? []).filter((c) => c.ready).length}/${p.spec?.containers?.length ?? 0}`,
          restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
          node: p.spec?.nodeName ?? null,
          createdAt: p.metadata?.creationTimestamp ?? null,
        })),
      ),
      attempt(async () =>
        (await core.listNamespacedService({ namespace })).items.map((s) => ({
          name: s.metadata!.name!,
          type: s.spec?.type ?? "ClusterIP",
          clusterIP: s.spec?.clusterIP ?? null,
          ports: (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(", "),
        })),
      ),
    ]);
    return { cluster: project.cluster.name, namespace, identity: subjectFor(user.username), deployments, pods, services };
  },
);

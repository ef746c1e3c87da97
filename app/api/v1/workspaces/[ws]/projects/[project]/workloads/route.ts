// The project's workloads read from its cluster as the member (lib/kube/impersonate.ts): what the cluster's
// RBAC refuses shows as that list's error, never as someone else's view. The error is a sentence in the
// caller's language with a stable code (lib/kube/errors.ts); the cluster's raw Status goes to the log.
import { AppsV1Api, CoreV1Api } from "@kubernetes/client-node";
import { route } from "@/lib/api/route";
import { workloadsOut } from "@/lib/schemas/responses";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { withTimeout } from "@/lib/kube/client";
import { kubeProblem, type KubeErrorCode } from "@/lib/kube/errors";
import { apiAs, clusterIdentity } from "@/lib/kube/impersonate";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import type { Locale } from "@/lib/i18n";
import { projectParams } from "@/lib/schemas/project";

type Listed<T> = { items: T | null; error: string | null; code?: KubeErrorCode };

async function attempt<T>(what: string, locale: Locale, work: () => Promise<T>): Promise<Listed<T>> {
  try {
    return { items: await withTimeout(work()), error: null };
  } catch (err) {
    const problem = kubeProblem(err);
    console.warn(`workloads: listing ${what} failed: ${problem.raw}`);
    return { items: null, error: localizeServerMessage(problem.message, locale), code: problem.code };
  }
}

export const GET = route(
  {
    action: "project.workloads",
    permission: "workloads.view",
    resource: "workloads",
    params: projectParams,
    response: workloadsOut,
    scope: (p) => ({ workspace: p.ws, project: p.project }),
  },
  async ({ params, principal, target, locale }) => {
    const project = await db().project.findFirst({ where: { name: params.project, workspace: { name: params.ws } }, select: { name: true, cluster: true } });
    if (!project) throw notFound(`Project "${params.project}"`);
    target.cluster = project.cluster.name;
    const namespace = project.name;
    const identity = clusterIdentity(principal);
    const core = apiAs(project.cluster, identity, CoreV1Api);
    const apps = apiAs(project.cluster, identity, AppsV1Api);
    const where = (kind: string) => `${kind} in ${project.cluster.name}/${namespace} as ${identity.user}`;
    const [deployments, pods, services] = await Promise.all([
      attempt(where("deployments"), locale, async () =>
        (await apps.listNamespacedDeployment({ namespace })).items.map((d) => ({
          name: d.metadata!.name!,
          replicas: d.spec?.replicas ?? 0,
          ready: d.status?.readyReplicas ?? 0,
          available: d.status?.availableReplicas ?? 0,
          createdAt: d.metadata?.creationTimestamp ?? null,
        })),
      ),
      attempt(where("pods"), locale, async () =>
        (await core.listNamespacedPod({ namespace })).items.map((p) => ({
          name: p.metadata!.name!,
          phase: p.status?.phase ?? "Unknown",
          ready: `${(p.status?.containerStatuses ?? []).filter((c) => c.ready).length}/${p.spec?.containers?.length ?? 0}`,
          restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
          node: p.spec?.nodeName ?? null,
          createdAt: p.metadata?.creationTimestamp ?? null,
        })),
      ),
      attempt(where("services"), locale, async () =>
        (await core.listNamespacedService({ namespace })).items.map((s) => ({
          name: s.metadata!.name!,
          type: s.spec?.type ?? "ClusterIP",
          clusterIP: s.spec?.clusterIP ?? null,
          ports: (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(", "),
        })),
      ),
    ]);
    return { cluster: project.cluster.name, namespace, identity: identity.user, groups: identity.groups, deployments, pods, services };
  },
);

export * from "@/lib/api/unanswered";

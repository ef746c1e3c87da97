// The Kubernetes objects Tenantry manages in the project's namespace, as YAML the API server takes (client-node's
// models serialised back to the wire format: a LimitRange's `default`, not `_default`), read with Tenantry's identity.
import { CoreV1Api, NetworkingV1Api, RbacAuthorizationV1Api, type KubernetesObject } from "@kubernetes/client-node";
import { route } from "@/lib/api/route";
import { projectObjectsOut } from "@/lib/schemas/responses";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { apiFor, withTimeout } from "@/lib/kube/client";
import { kubeProblem } from "@/lib/kube/errors";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import { MANAGED_SELECTOR } from "@/lib/kube/owned";
import { wireYaml } from "@/lib/kube/wire";
import { projectParams } from "@/lib/schemas/project";

/** Without server bookkeeping, so the YAML reads like what Tenantry asked for. */
function clean(kind: string, apiVersion: string, o: KubernetesObject) {
  const { managedFields: _m, uid: _u, resourceVersion: _r, generation: _g, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>;
  const { apiVersion: _a, kind: _k, metadata: _md, ...rest } = o as KubernetesObject & Record<string, unknown>;
  return { apiVersion, kind, metadata, ...rest };
}

export const GET = route(
  { action: "project.objects", permission: "project-settings.view", resource: "projects", params: projectParams, response: projectObjectsOut, scope: (p) => ({ workspace: p.ws, project: p.project }) },
  async ({ params, target, locale }) => {
    const project = await db().project.findFirst({ where: { name: params.project, workspace: { name: params.ws } }, select: { name: true, cluster: true } });
    if (!project) throw notFound(`Project "${params.project}"`);
    target.cluster = project.cluster.name;
    const namespace = project.name;
    const labelSelector = MANAGED_SELECTOR;
    const core = apiFor(project.cluster, CoreV1Api);
    try {
      const [ns, quotas, limits, policies, bindings] = await withTimeout(
        Promise.all([
          core.readNamespace({ name: namespace }),
          core.listNamespacedResourceQuota({ namespace, labelSelector }),
          core.listNamespacedLimitRange({ namespace, labelSelector }),
          apiFor(project.cluster, NetworkingV1Api).listNamespacedNetworkPolicy({ namespace, labelSelector }),
          apiFor(project.cluster, RbacAuthorizationV1Api).listNamespacedRoleBinding({ namespace, labelSelector }),
        ]),
      );
      const objects = [
        clean("Namespace", "v1", ns),
        ...quotas.items.map((o) => clean("ResourceQuota", "v1", o)),
        ...limits.items.map((o) => clean("LimitRange", "v1", o)),
        ...policies.items.map((o) => clean("NetworkPolicy", "networking.k8s.io/v1", o)),
        ...bindings.items.map((o) => clean("RoleBinding", "rbac.authorization.k8s.io/v1", o)),
      ];
      return { yaml: wireYaml(objects), error: null };
    } catch (err) {
      // A sentence for people; the cluster's own words for the log.
      const problem = kubeProblem(err);
      console.warn(`objects: reading ${project.cluster.name}/${namespace} failed: ${problem.raw}`);
      return { yaml: null, error: localizeServerMessage(problem.message, locale), code: problem.code };
    }
  },
);

export * from "@/lib/api/unanswered";

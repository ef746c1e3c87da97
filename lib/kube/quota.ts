// A project's ResourceQuota (`tenantry-quota`): its own share, zero for every pooled key it was not given,
// and object counts by default so no tenant grows without bound (load balancers and node ports closed).
import { CoreV1Api, type V1ResourceQuota } from "@kubernetes/client-node";
import { canonical } from "@/sim/quantity";
import { apiFor, withTimeout, type ClusterCredentials } from "./client";
import { ensureOwned, managedLabels, MANAGED_SELECTOR, type Cached } from "./owned";

export const QUOTA_NAME = "tenantry-quota";
export type Hard = Record<string, string>;

/** What a project gets before anyone sets its quota. */
export const DEFAULT_OBJECT_COUNTS: Hard = { pods: "100", persistentvolumeclaims: "20", "services.loadbalancers": "0", "services.nodeports": "0" };
/** Keys only a platform admin may open above zero. */
export const PLATFORM_ONLY_KEYS = ["services.loadbalancers", "services.nodeports"];

export function canonicalHard(hard: Hard): Hard {
  return Object.fromEntries(Object.entries(hard).map(([k, v]) => [k, canonical(v)]).sort(([a], [b]) => a.localeCompare(b)));
}

/** The hard limits the cluster enforces for a project: defaults, then zero for pooled keys, then its own share. */
export function effectiveHard(own: Hard | undefined, poolKeys: string[]): Hard {
  return canonicalHard({ ...DEFAULT_OBJECT_COUNTS, ...Object.fromEntries(poolKeys.map((k) => [k, "0"])), ...(own ?? {}) });
}

/**
 * Where each key in effect comes from: set on the project ("project"), copied from the workspace's default project
 * quota when the project was made and not changed since ("workspace-default"), zero because the workspace's pool
 * tracks the key and the project has no share of it ("pool"), or Tenantry's object counts for every project ("built-in").
 */
export type QuotaSource = "project" | "workspace-default" | "pool" | "built-in";

export function quotaSources(own: Hard | undefined, fromDefault: string[], poolKeys: string[]): Record<string, QuotaSource> {
  return Object.fromEntries(
    Object.keys(effectiveHard(own, poolKeys)).map((k): [string, QuotaSource] => [
      k,
      own && k in own ? (fromDefault.includes(k) ? "workspace-default" : "project") : poolKeys.includes(k) ? "pool" : "built-in",
    ]),
  );
}

export function desiredQuota(namespace: string, hard: Hard): V1ResourceQuota {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: QUOTA_NAME, namespace, labels: managedLabels }, spec: { hard } };
}

export async function ensureQuota(cluster: ClusterCredentials, namespace: string, hard: Hard, cached?: Cached<V1ResourceQuota>): Promise<number> {
  const core = apiFor(cluster, CoreV1Api);
  return ensureOwned<V1ResourceQuota>(
    {
      list: (ns) => core.listNamespacedResourceQuota({ namespace: ns, labelSelector: MANAGED_SELECTOR }),
      create: (ns, body) => core.createNamespacedResourceQuota({ namespace: ns, body }),
      replace: (ns, name, body) => core.replaceNamespacedResourceQuota({ namespace: ns, name, body }),
      remove: (ns, name) => core.deleteNamespacedResourceQuota({ namespace: ns, name }),
      spec: (o) => canonicalHard(o.spec?.hard ?? {}),
    },
    namespace,
    [desiredQuota(namespace, hard)],
    cached,
  );
}

export interface QuotaUsage {
  namespace: string;
  hard: Hard;
  used: Hard;
}

/** Tenantry's quotas in the cluster with their status.used, one list for the whole cluster. */
export async function readQuotaUsage(cluster: ClusterCredentials, namespaces?: string[]): Promise<QuotaUsage[]> {
  const core = apiFor(cluster, CoreV1Api);
  const fieldSelector = `metadata.name=${QUOTA_NAME}`;
  const list =
    namespaces?.length === 1
      ? await withTimeout(core.listNamespacedResourceQuota({ namespace: namespaces[0]!, fieldSelector }))
      : await withTimeout(core.listResourceQuotaForAllNamespaces({ labelSelector: MANAGED_SELECTOR, fieldSelector }));
  const wanted = namespaces ? new Set(namespaces) : undefined;
  return list.items
    .filter((q) => !wanted || wanted.has(q.metadata!.namespace!))
    .map((q) => ({ namespace: q.metadata!.namespace!, hard: q.status?.hard ?? q.spec?.hard ?? {}, used: q.status?.used ?? {} }));
}

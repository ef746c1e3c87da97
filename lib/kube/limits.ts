// A project's LimitRange (`tenantry-limits`): its default container requests/limits and bounds. A project
// whose quota tracks cpu or memory always gets defaults for them, or pods without requests are refused.
import { CoreV1Api, type V1LimitRange, type V1LimitRangeItem } from "@kubernetes/client-node";
import { canonical } from "@/sim/quantity";
import { apiFor, type ClusterCredentials } from "./client";
import { ensureOwned, managedLabels, MANAGED_SELECTOR, type Cached } from "./owned";
import type { Hard } from "./quota";

export const LIMITS_NAME = "tenantry-limits";
export interface Limits { default?: Hard; defaultRequest?: Hard; max?: Hard; min?: Hard }

/** Used when the quota needs cpu/memory declared and nobody set defaults. */
export const AUTO_DEFAULTS = { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { cpu: "500m", memory: "512Mi" } } as const;

const tracks = (hard: Hard, res: "cpu" | "memory") => [res, `requests.${res}`, `limits.${res}`].some((k) => k in hard);

/** The Container item Tenantry wants, with the API server's defaulting applied so a read-back compares equal. */
export function desiredLimitItem(own: Limits | undefined, hard: Hard): V1LimitRangeItem | undefined {
  const item: Limits = { default: { ...own?.default }, defaultRequest: { ...own?.defaultRequest }, max: { ...own?.max }, min: { ...own?.min } };
  for (const res of ["cpu", "memory"] as const) {
    const given = [item.default, item.defaultRequest, item.max, item.min].some((m) => m && res in m);
    if (!tracks(hard, res) || given) continue;
    item.default![res] = AUTO_DEFAULTS.default[res];
    item.defaultRequest![res] = AUTO_DEFAULTS.defaultRequest[res];
  }
  // SetDefaults_LimitRangeItem: default ← max, then defaultRequest ← default ← min.
  for (const [k, v] of Object.entries(item.max!)) item.default![k] ??= v;
  for (const [k, v] of Object.entries(item.default!)) item.defaultRequest![k] ??= v;
  for (const [k, v] of Object.entries(item.min!)) item.defaultRequest![k] ??= v;
  const canon = (m: Hard) => (Object.keys(m).length ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, canonical(v)]).sort(([a], [b]) => a.localeCompare(b))) : undefined);
  // client-node names the `default` field `_default`.
  const out: V1LimitRangeItem = { type: "Container", _default: canon(item.default!), defaultRequest: canon(item.defaultRequest!), max: canon(item.max!), min: canon(item.min!) };
  return out._default || out.defaultRequest || out.max || out.min ? out : undefined;
}

/** Where a value in effect comes from: set on the project, Tenantry's automatic defaults (the quota needs them), or Kubernetes' defaulting. */
export type LimitSource = "project" | "automatic" | "derived";
export type LimitSources = Partial<Record<keyof Limits, Record<string, LimitSource>>>;

/** The API object's fields (`default`, not client-node's `_default`) of the item Tenantry wants, or null. */
export function effectiveLimits(own: Limits | undefined, hard: Hard): { effective: Limits; sources: LimitSources } | null {
  const item = desiredLimitItem(own, hard);
  if (!item) return null;
  const effective: Limits = Object.fromEntries(
    ([["default", item._default], ["defaultRequest", item.defaultRequest], ["max", item.max], ["min", item.min]] as const).filter(([, m]) => m),
  );
  const automatic = (res: string) => (res === "cpu" || res === "memory") && tracks(hard, res) && ![own?.default, own?.defaultRequest, own?.max, own?.min].some((m) => m && res in m);
  const sourceOf = (field: keyof Limits, res: string): LimitSource =>
    own?.[field]?.[res] !== undefined ? "project" : automatic(res) && res in (AUTO_DEFAULTS[field as keyof typeof AUTO_DEFAULTS] ?? {}) ? "automatic" : "derived";
  const sources = Object.fromEntries(Object.entries(effective).map(([field, m]) => [field, Object.fromEntries(Object.keys(m!).map((res) => [res, sourceOf(field as keyof Limits, res)]))]));
  return { effective, sources };
}

export function desiredLimitRange(namespace: string, item: V1LimitRangeItem): V1LimitRange {
  return { apiVersion: "v1", kind: "LimitRange", metadata: { name: LIMITS_NAME, namespace, labels: managedLabels }, spec: { limits: [item] } };
}

const canonicalItems = (items: V1LimitRangeItem[] = []) =>
  items.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, typeof v === "object" ? Object.fromEntries(Object.entries(v as Hard).map(([r, q]) => [r, canonical(q)])) : v])));

export async function ensureLimits(cluster: ClusterCredentials, namespace: string, item: V1LimitRangeItem | undefined, cached?: Cached<V1LimitRange>): Promise<number> {
  const core = apiFor(cluster, CoreV1Api);
  return ensureOwned<V1LimitRange>(
    {
      list: (ns) => core.listNamespacedLimitRange({ namespace: ns, labelSelector: MANAGED_SELECTOR }),
      create: (ns, body) => core.createNamespacedLimitRange({ namespace: ns, body }),
      replace: (ns, name, body) => core.replaceNamespacedLimitRange({ namespace: ns, name, body }),
      remove: (ns, name) => core.deleteNamespacedLimitRange({ namespace: ns, name }),
      spec: (o) => canonicalItems(o.spec?.limits),
    },
    namespace,
    item ? [desiredLimitRange(namespace, item)] : [],
    cached,
  );
}

// The namespace behind a project, with Tenantry's labels (DESIGN §4).
import { CoreV1Api, type V1Namespace } from "@kubernetes/client-node";
import { apiFor, kubeStatus, withTimeout, type ClusterCredentials } from "./client";
import type { Cached } from "./owned";

export const LABELS = {
  workspace: "tenantry.io/workspace",
  project: "tenantry.io/project",
  managedBy: "app.kubernetes.io/managed-by",
} as const;
export const MANAGER = "tenantry";

export const PSA_ENFORCE = "pod-security.kubernetes.io/enforce";
export const NODE_SELECTOR = "scheduler.alpha.kubernetes.io/node-selector";

/** Physical isolation carried by the namespace itself: its Pod Security level and its workspace's node pool. */
export interface NamespaceIsolation {
  podSecurity?: string;
  nodeSelector?: Record<string, string> | null;
}

export function desiredNamespace(workspace: string, project: string, iso: NamespaceIsolation = {}): V1Namespace {
  const selector = Object.entries(iso.nodeSelector ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",");
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: project,
      labels: { [LABELS.workspace]: workspace, [LABELS.project]: project, [LABELS.managedBy]: MANAGER, [PSA_ENFORCE]: iso.podSecurity ?? "restricted" },
      ...(selector ? { annotations: { [NODE_SELECTOR]: selector } } : {}),
    },
  };
}

export type NamespaceOwner = "absent" | "ours" | "foreign";

/** Whether the namespace is free, already this project's, or someone else's. */
export async function namespaceOwner(cluster: ClusterCredentials, workspace: string, name: string): Promise<NamespaceOwner> {
  try {
    const ns = await withTimeout(apiFor(cluster, CoreV1Api).readNamespace({ name }));
    const labels = ns.metadata?.labels ?? {};
    return labels[LABELS.managedBy] === MANAGER && labels[LABELS.workspace] === workspace ? "ours" : "foreign";
  } catch (err) {
    if (kubeStatus(err) === 404) return "absent";
    throw err;
  }
}

/** Creates the namespace, or restores its labels and node-selector annotation if they drifted. Given what
 *  is there (the watch cache's view of this one name) it writes only differences; without it, one GET first. */
export async function ensureNamespace(cluster: ClusterCredentials, workspace: string, project: string, iso: NamespaceIsolation = {}, cached?: Cached<V1Namespace>): Promise<number> {
  const core = apiFor(cluster, CoreV1Api);
  const desired = desiredNamespace(workspace, project, iso);
  const read = () => withTimeout(core.readNamespace({ name: project })).catch((err) => (kubeStatus(err) === 404 ? null : Promise.reject(err)));
  let current = cached ? (cached.items[0] ?? null) : await read();
  if (!current) {
    // Absent from the label-selected cache may still exist, unlabelled: create answers 409, then read it.
    cached?.expect(project, (_, change) => change === "added");
    const created = await withTimeout(core.createNamespace({ body: desired })).catch((err) => (kubeStatus(err) === 409 ? null : Promise.reject(err)));
    if (created) {
      cached?.wrote(created);
      return 1;
    }
    current = await read();
    if (!current) throw new Error(`namespace "${project}" is being replaced; trying again`);
  }
  if (current.metadata?.deletionTimestamp) throw new Error(`namespace "${project}" is still terminating`);
  const labels = current.metadata?.labels ?? {};
  const annotations = { ...(current.metadata?.annotations ?? {}) };
  const wantSelector = desired.metadata!.annotations?.[NODE_SELECTOR];
  const labelsDrifted = Object.entries(desired.metadata!.labels!).some(([k, v]) => labels[k] !== v);
  if (!labelsDrifted && annotations[NODE_SELECTOR] === wantSelector) return 0;
  if (wantSelector) annotations[NODE_SELECTOR] = wantSelector;
  else delete annotations[NODE_SELECTOR];
  const metadata = { ...current.metadata, labels: { ...labels, ...desired.metadata!.labels }, annotations };
  cached?.expect(project, (o, change) => change !== "deleted" && Object.entries(metadata.labels).every(([k, v]) => o.metadata?.labels?.[k] === v));
  cached?.wrote(await withTimeout(core.replaceNamespace({ name: project, body: { ...current, metadata } })));
  return 1;
}

/** Deletes the namespace; true once it is gone from the cluster. Given what is there (the watch cache),
 *  a namespace already on its way out costs nothing: its DELETED event brings the project back here. */
export async function removeNamespace(cluster: ClusterCredentials, name: string, have?: V1Namespace | null): Promise<boolean> {
  if (have === null) return true;
  if (have?.metadata?.deletionTimestamp) return false;
  const core = apiFor(cluster, CoreV1Api);
  try {
    await withTimeout(core.deleteNamespace({ name }));
  } catch (err) {
    if (kubeStatus(err) === 404) return true;
    throw err;
  }
  if (have) return false;
  try {
    await withTimeout(core.readNamespace({ name }));
    return false;
  } catch (err) {
    if (kubeStatus(err) === 404) return true;
    throw err;
  }
}

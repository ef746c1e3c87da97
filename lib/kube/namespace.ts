// The namespace behind a project, with Tenantry's labels (DESIGN §4).
import { CoreV1Api, type V1Namespace } from "@kubernetes/client-node";
import { apiFor, kubeStatus, withTimeout, type ClusterCredentials } from "./client";

export const LABELS = {
  workspace: "tenantry.io/workspace",
  project: "tenantry.io/project",
  managedBy: "app.kubernetes.io/managed-by",
} as const;
export const MANAGER = "tenantry";

export function desiredNamespace(workspace: string, project: string): V1Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: project,
      labels: { [LABELS.workspace]: workspace, [LABELS.project]: project, [LABELS.managedBy]: MANAGER },
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

/** Creates the namespace, or restores its labels if it drifted. Returns once the cluster has it. */
export async function ensureNamespace(cluster: ClusterCredentials, workspace: string, project: string): Promise<void> {
  const core = apiFor(cluster, CoreV1Api);
  const desired = desiredNamespace(workspace, project);
  try {
    await withTimeout(core.createNamespace({ body: desired }));
  } catch (err) {
    if (kubeStatus(err) !== 409) throw err;
    const current = await withTimeout(core.readNamespace({ name: project }));
    if (current.status?.phase === "Terminating") throw new Error(`namespace "${project}" is still terminating`);
    const labels = current.metadata?.labels ?? {};
    const drifted = Object.entries(desired.metadata!.labels!).some(([k, v]) => labels[k] !== v);
    if (drifted) {
      await withTimeout(core.replaceNamespace({ name: project, body: { ...current, metadata: { ...current.metadata, labels: { ...labels, ...desired.metadata!.labels } } } }));
    }
  }
}

/** Deletes the namespace; true once it is gone from the cluster. */
export async function removeNamespace(cluster: ClusterCredentials, name: string): Promise<boolean> {
  const core = apiFor(cluster, CoreV1Api);
  try {
    await withTimeout(core.deleteNamespace({ name }));
  } catch (err) {
    if (kubeStatus(err) === 404) return true;
    throw err;
  }
  try {
    await withTimeout(core.readNamespace({ name }));
    return false;
  } catch (err) {
    if (kubeStatus(err) === 404) return true;
    throw err;
  }
}

// meta.k8s.io/v1 Table responses, which kubectl asks for (`Accept: …;as=Table`) to print `get` output.
import type { ResourceDef } from "./resources";
import type { KObject } from "./store";

/** priority 1 columns only show with `kubectl get -o wide`. */
interface Column { name: string; type: string; format?: string; description: string; priority?: number; cell: (o: KObject) => unknown }

function age(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return "<unknown>";
  const s = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ""}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

const col = (name: string, cell: Column["cell"], type = "string", priority = 0): Column => ({ name, type, description: name, priority, cell });
const nameCol: Column = { name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", cell: (o) => o.metadata.name };
const ageCol = col("Age", (o) => age(o.metadata.creationTimestamp));

const EXTRA: Record<string, Column[]> = {
  namespaces: [col("Status", (o) => o.status?.phase ?? "")],
  pods: [
    col("Ready", (o) => `${(o.status?.containerStatuses ?? []).filter((c: { ready?: boolean }) => c.ready).length}/${(o.spec?.containers ?? []).length}`),
    col("Status", (o) => (o.metadata.deletionTimestamp ? "Terminating" : o.status?.phase ?? "")),
    col("Restarts", () => 0, "integer"),
  ],
  nodes: [
    col("Status", (o) => (o.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True") ? "Ready" : "NotReady"),
    col("Roles", (o) => Object.keys(o.metadata.labels ?? {}).filter((l) => l.startsWith("node-role.kubernetes.io/")).map((l) => l.split("/")[1]).join(",") || "<none>"),
  ],
  services: [
    col("Type", (o) => o.spec?.type ?? ""),
    col("Cluster-IP", (o) => o.spec?.clusterIP ?? "<none>"),
    col("Ports", (o) => (o.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => `${p.port}/${p.protocol ?? "TCP"}`).join(",") || "<none>"),
  ],
  configmaps: [col("Data", (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, "integer")],
  secrets: [col("Type", (o) => o.type ?? ""), col("Data", (o) => Object.keys(o.data ?? {}).length, "integer")],
  serviceaccounts: [col("Secrets", (o) => (o.secrets ?? []).length, "integer")],
  resourcequotas: [col("Request", (o) => Object.keys(o.status?.hard ?? {}).filter((k) => !k.startsWith("limits.")).map((k) => `${k}: ${o.status?.used?.[k] ?? "0"}/${o.status.hard[k]}`).join(", "))],
  networkpolicies: [col("Pod-Selector", (o) => Object.entries(o.spec?.podSelector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>")],
  rolebindings: [col("Role", (o) => `${o.roleRef?.kind}/${o.roleRef?.name}`)],
  clusterrolebindings: [col("Role", (o) => `${o.roleRef?.kind}/${o.roleRef?.name}`)],
};
const AFTER_AGE: Record<string, Column[]> = {
  nodes: [col("Version", (o) => o.status?.nodeInfo?.kubeletVersion ?? ""), col("Internal-IP", (o) => o.status?.addresses?.[0]?.address ?? "<none>", "string", 1)],
  pods: [col("IP", (o) => o.status?.podIP ?? "<none>", "string", 1), col("Node", (o) => o.spec?.nodeName ?? "<none>", "string", 1)],
};

export function toTable(d: ResourceDef, objects: KObject[], meta: { resourceVersion?: string; continue?: string }, includeObject: string | null) {
  const columns = [nameCol, ...(EXTRA[d.resource] ?? []), ageCol, ...(AFTER_AGE[d.resource] ?? [])];
  const rowObject = (o: KObject) =>
    includeObject === "None" ? undefined
      : includeObject === "Object" ? o
        : { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata };
  return {
    kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: meta,
    columnDefinitions: columns.map(({ cell: _c, ...c }) => ({ ...c, format: c.format ?? "", priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({ cells: columns.map((c) => c.cell(o)), object: rowObject(o) })),
  };
}

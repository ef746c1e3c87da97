"use client";
import { useClusterNodes, type NodeSummary } from "@/lib/client/hooks/nodes";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { MeterLegend, MeterPlaceholder, UsageMeter } from "@/components/charts/usage-meter";
import { useT } from "@/lib/i18n/client";

const badge = { Ready: "ready", NotReady: "notReady", Unknown: "unknown" } as const;

/**
 * The cluster's nodes as its API server lists them, and what the pods on each request of what it can give.
 * `expected`: how many nodes the cluster's last health check counted; while the nodes load, their table and chart
 * are drawn empty at that size, so the sections under them are not pushed down when they arrive.
 */
export function ClusterNodes({ cluster, expected }: { cluster: string; expected: number | null }) {
  const t = useT();
  const nodes = useClusterNodes(cluster);
  return (
    <section aria-labelledby="nodes-heading" className="space-y-3">
      <h2 id="nodes-heading" className="text-lg font-semibold text-zinc-900">
        {t("nodes.title")}
      </h2>
      {nodes.isPending ? (
        expected ? (
          <div role="status">
            <span className="sr-only">{t("nodes.loading")}</span>
            <div aria-hidden="true" className="space-y-3">
              <NodeTable nodes={Array.from({ length: expected }, () => undefined)} />
              <CapacityChart nodes={Array.from({ length: expected }, () => undefined)} />
            </div>
          </div>
        ) : (
          <LoadingState label={t("nodes.loading")} />
        )
      ) : nodes.isError ? (
        <ErrorState error={nodes.error} onRetry={() => nodes.refetch()} />
      ) : nodes.data.length === 0 ? (
        <EmptyState title={t("nodes.none")}>{t("nodes.noneHint")}</EmptyState>
      ) : (
        <>
          <NodeTable nodes={nodes.data} />
          <CapacityChart nodes={nodes.data} />
        </>
      )}
    </section>
  );
}

/** An undefined node (still loading) is an empty row of the same height. */
function NodeTable({ nodes }: { nodes: (NodeSummary | undefined)[] }) {
  const t = useT();
  const pair = (a: string, b: string) => `${a} / ${b}`;
  return (
    <DataTable caption={t("nodes.title")}>
      <thead>
        <tr>
          <Th>{t("common.name")}</Th>
          <Th>{t("nodes.roles")}</Th>
          <Th>{t("common.status")}</Th>
          <Th>{t("nodes.cpu")}</Th>
          <Th>{t("nodes.memory")}</Th>
          <Th>{t("nodes.pods")}</Th>
          <Th>{t("nodes.kubelet")}</Th>
        </tr>
      </thead>
      <TBody>
        {nodes.map((n, i) =>
          !n ? (
            <tr key={i}>
              <Td colSpan={7}>&nbsp;</Td>
            </tr>
          ) : (
            <tr key={n.name}>
              <Td className="font-mono">{n.name}</Td>
              <Td>{n.roles.length ? n.roles.join(", ") : "—"}</Td>
              <Td>
                <StatusBadge status={badge[n.status]} />
                {n.unschedulable && <span className="ml-2 text-xs text-amber-700">{t("nodes.cordoned")}</span>}
              </Td>
              <Td title={t("nodes.capacityAllocatable")}>{pair(n.capacity.cpu, n.allocatable.cpu)}</Td>
              <Td title={t("nodes.capacityAllocatable")}>{pair(n.capacity.memory, n.allocatable.memory)}</Td>
              <Td>{n.pods}</Td>
              <Td className="font-mono">{n.kubeletVersion ?? "—"}</Td>
            </tr>
          ),
        )}
      </TBody>
    </DataTable>
  );
}

/** Per node, cpu and memory: requested (dark) of allocatable (light) of capacity (the track); an undefined node (still loading) as empty tracks. */
function CapacityChart({ nodes }: { nodes: (NodeSummary | undefined)[] }) {
  const t = useT();
  const text = (n: NodeSummary, r: "cpu" | "memory") =>
    t("nodes.meterText", { requested: n.requested[r], allocatable: n.allocatable[r], capacity: n.capacity[r] });
  return (
    <Card title={t("nodes.chartTitle")}>
      <figure aria-label={t("nodes.chartTitle")} data-testid="node-capacity-chart">
        <MeterLegend used={t("nodes.requested")} limit={t("nodes.allocatable")} total={t("nodes.capacity")} />
        <div className="grid gap-x-8 gap-y-5 md:grid-cols-2">
          {nodes.map((n, i) => (
            <div key={n?.name ?? i}>
              <h3 className="mb-2 font-mono text-sm font-semibold text-zinc-900">{n ? n.name : "\u00a0"}</h3>
              <ul aria-label={n && t("nodes.usageOf", { name: n.name })} className="space-y-3">
                {(["cpu", "memory"] as const).map((r) =>
                  n ? <UsageMeter key={r} testId={`node-${n.name}-${r}`} name={r} value={{ used: n.requested[r], limit: n.allocatable[r], total: n.capacity[r] }} text={text(n, r)} /> : <MeterPlaceholder key={r} name={r} />,
                )}
              </ul>
            </div>
          ))}
        </div>
      </figure>
    </Card>
  );
}

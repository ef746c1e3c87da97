"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AuditHistogram } from "@/components/audit/audit-histogram";
import { zoomedRange } from "@/components/audit/histogram-series";
import { UsageBars } from "@/components/quotas/usage-bars";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { useAuditHistogram } from "@/lib/client/hooks/audit";
import { DENIED_LAST_WEEK } from "@/lib/client/queries";
import { usePlatformDashboard, useRecentEvents, type PlatformDashboard as Data } from "@/lib/client/hooks/dashboard";
import { useFormat } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";
import { Loaded, RecentActivity, Stat, StatGrid } from "./parts";
import { ClusterError } from "@/components/ui/cluster-error";

/** What a platform admin sees first: clusters, tenants, quota across clusters, trouble and denials. */
export function PlatformDashboard() {
  const t = useT();
  const dashboard = usePlatformDashboard();
  const denied = useAuditHistogram(DENIED_LAST_WEEK);
  // Asked for here, not only by the card that shows them, so they load alongside the overview, not after it.
  useRecentEvents({});
  const router = useRouter();
  return (
    <div className="space-y-6">
      <Loaded query={dashboard}>{(d) => <Overview data={d} />}</Loaded>
      {/* The overview's height is its data's (a row per cluster, bars per pool): what is under it appears with it, not
          before, so it is not pushed down when the overview arrives. Their queries have started all the same. */}
      {!dashboard.isPending && (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title={t("dash.denied")} actions={<Link href="/audit?range=7d&outcome=denied" className="text-sm text-indigo-700 hover:underline">{t("dash.openAudit")}</Link>}>
            <Loaded query={denied}>{(h) => <AuditHistogram data={h} onZoom={(a, b) => router.push(`/audit?${new URLSearchParams({ outcome: "denied", ...zoomedRange(a, b) })}`)} />}</Loaded>
          </Card>
          <RecentActivity filters={{}} />
        </div>
      )}
    </div>
  );
}

function Overview({ data: d }: { data: Data }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const ready = d.clusters.filter((c) => c.health === "ready").length;
  return (
    <>
      <StatGrid>
        <Stat label={t("dash.clusters")} value={d.clusters.length} detail={t("dash.clustersReady", { ready })} href="/clusters" />
        <Stat label={t("dash.workspaces")} value={d.workspaces} href="/workspaces" />
        <Stat label={t("dash.projects")} value={d.projects.total} detail={t("dash.projectsByStatus", { ready: d.projects.ready ?? 0, pending: d.projects.pending ?? 0, error: d.projects.error ?? 0 })} />
        {d.users !== null && <Stat label={t("dash.users")} value={d.users} href="/users" />}
      </StatGrid>
      {d.clusters.length > 0 && (
        <DataTable caption={t("dash.clusters")}>
          <thead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("dash.health")}</Th>
              <Th>{t("dash.version")}</Th>
              <Th>{t("dash.nodes")}</Th>
              <Th>{t("dash.workspaces")}</Th>
              <Th>{t("dash.projects")}</Th>
            </tr>
          </thead>
          <TBody>
            {d.clusters.map((c) => (
              <tr key={c.name}>
                <Td>
                  <Link href={`/clusters/${c.name}`} className="font-medium text-indigo-700 hover:underline">
                    {c.name}
                  </Link>
                </Td>
                <Td>
                  <StatusBadge status={c.health} />
                </Td>
                <Td>{c.version ?? "—"}</Td>
                <Td>{c.nodeCount ?? "—"}</Td>
                <Td>{c.workspaceCount}</Td>
                <Td>{c.projectCount}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t("dash.quotaAcross")}>
          {d.quotas.every((q) => !Object.keys(q.pooled).length) ? (
            <p className="text-sm text-zinc-500">{t("dash.noQuotas")}</p>
          ) : (
            <div className="space-y-5">
              {d.quotas
                .filter((q) => Object.keys(q.pooled).length)
                .map((q) => (
                  <div key={q.cluster}>
                    <h3 className="mb-2 text-sm font-medium text-zinc-900">{q.cluster}</h3>
                    {q.usageError && <ClusterError message={q.usageError} context="quota.usageUnavailable" className="mb-2 text-xs text-red-700" />}
                    <UsageBars label={t("dash.quotaOf", { cluster: q.cluster })} keys={Object.keys(q.pooled)} allocated={q.allocated} used={q.used} pool={q.pooled} />
                  </div>
                ))}
            </div>
          )}
        </Card>
        <Card title={t("dash.inError")}>
          {d.projectsInError.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("dash.noErrors")}</p>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {d.projectsInError.map((p) => (
                <li key={`${p.workspace}/${p.name}`} className="py-2 text-sm">
                  <Link href={`/workspaces/${p.workspace}/projects/${p.name}`} className="font-medium text-indigo-700 hover:underline">
                    {p.workspace}/{p.name}
                  </Link>
                  <span className="ml-2 text-xs text-zinc-500">
                    {p.cluster} · {formatDateTime(p.since)}
                  </span>
                  {p.message && <p className="mt-0.5 text-xs text-red-700">{p.message}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

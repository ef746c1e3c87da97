"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DeleteResourceDialog } from "@/components/ui/delete-resource-dialog";
import Link from "next/link";
import { useCluster } from "@/lib/client/hooks/clusters";
import { useFormat } from "@/lib/client/format";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { AuditTokenPanel } from "@/components/audit/audit-token-panel";
import { ClusterNodes } from "./cluster-nodes";
import { useCan } from "@/lib/client/hooks/can";
import { useT } from "@/lib/i18n/client";

export function ClusterDetail({ name }: { name: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const cluster = useCluster(name);
  const { can, requires } = useCan();
  const [deleting, setDeleting] = useState(false);
  if (cluster.isPending) return <LoadingState label={t("clusters.loadingOne")} />;
  if (cluster.isError) return <ErrorState error={cluster.error} onRetry={() => cluster.refetch()} />;
  const c = cluster.data;
  const labels = Object.entries(c.labels ?? {});

  return (
    <div className="space-y-6">
      <PageHeader
        title={c.displayName || c.name}
        crumbs={[{ label: t("nav.clusters"), href: "/clusters" }]}
        actions={
          <div className="flex items-center gap-3">
            <StatusBadge status={c.health} />
            {can("clusters.manage") && (
              <Button variant="danger" {...requires("clusters.manage")} onClick={() => setDeleting(true)}>
                {t("clusters.delete")}
              </Button>
            )}
          </div>
        }
      />
      <DeleteResourceDialog kind="cluster" name={c.name} open={deleting} onClose={() => setDeleting(false)} />
      <Card title={t("dash.health")}>
        <DetailList
          items={[
            { label: t("common.name"), value: <span className="font-mono">{c.name}</span> },
            { label: t("common.status"), value: <StatusBadge status={c.health} /> },
            { label: t("clusters.k8sVersion"), value: c.version ?? "—" },
            { label: t("dash.nodes"), value: c.nodeCount ?? "—" },
            { label: t("clusters.latency"), value: c.latencyMs == null ? "—" : t("clusters.ms", { ms: c.latencyMs }) },
            { label: t("clusters.lastChecked"), value: formatDateTime(c.lastCheckedAt) },
            { label: t("clusters.registered"), value: formatDateTime(c.createdAt) },
            { label: t("clusters.labels"), value: labels.length ? labels.map(([k, v]) => `${k}=${v}`).join(", ") : t("common.none") },
          ]}
        />
        {c.lastError && (
          <div role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-600/20">
            <span className="font-medium">{t("clusters.lastError")}</span> {c.lastError}
          </div>
        )}
      </Card>
      <ClusterNodes cluster={c.name} expected={c.nodeCount} />
      {can("clusters.manage") && <AuditTokenPanel cluster={c.name} issuedAt={c.auditTokenIssuedAt} />}
      <section aria-labelledby="placed-heading" className="space-y-3">
        <h2 id="placed-heading" className="text-lg font-semibold text-zinc-900">
          {t("clusters.placed")}
        </h2>
        {c.workspaces.length === 0 ? (
          <EmptyState title={t("clusters.nonePlaced")} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {c.workspaces.map((ws) => (
              <li key={ws.name} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
                <Link href={`/workspaces/${ws.name}`} className="font-medium text-indigo-700 hover:underline">
                  {ws.displayName || ws.name}
                </Link>
                {ws.projects.length === 0 ? (
                  <p className="mt-2 text-sm text-zinc-500">{t("clusters.noProjects")}</p>
                ) : (
                  <ul aria-label={t("clusters.projectsOf", { ws: ws.name, cluster: c.name })} className="mt-2 divide-y divide-zinc-100">
                    {ws.projects.map((p) => (
                      <li key={p.name} className="flex items-center justify-between gap-2 py-1.5 text-sm">
                        <Link href={`/workspaces/${ws.name}/projects/${p.name}`} className="text-zinc-800 hover:underline">
                          {p.name}
                        </Link>
                        <StatusBadge status={p.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

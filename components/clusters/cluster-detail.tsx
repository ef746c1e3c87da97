"use client";
import Link from "next/link";
import { useCluster } from "@/lib/client/hooks/clusters";
import { formatDateTime } from "@/lib/client/format";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { AuditTokenPanel } from "@/components/audit/audit-token-panel";
import { useViewer } from "@/components/shell/viewer";

export function ClusterDetail({ name }: { name: string }) {
  const cluster = useCluster(name);
  const { can } = useViewer();
  if (cluster.isPending) return <LoadingState label="Loading cluster…" />;
  if (cluster.isError) return <ErrorState error={cluster.error} onRetry={() => cluster.refetch()} />;
  const c = cluster.data;
  const labels = Object.entries(c.labels ?? {});

  return (
    <div className="space-y-6">
      <PageHeader title={c.displayName || c.name} crumbs={[{ label: "Clusters", href: "/clusters" }]} actions={<StatusBadge status={c.health} />} />
      <Card title="Health">
        <DetailList
          items={[
            { label: "Name", value: <span className="font-mono">{c.name}</span> },
            { label: "Status", value: <StatusBadge status={c.health} /> },
            { label: "Kubernetes version", value: c.version ?? "—" },
            { label: "Nodes", value: c.nodeCount ?? "—" },
            { label: "Latency", value: c.latencyMs == null ? "—" : `${c.latencyMs} ms` },
            { label: "Last checked", value: formatDateTime(c.lastCheckedAt) },
            { label: "Registered", value: formatDateTime(c.createdAt) },
            { label: "Labels", value: labels.length ? labels.map(([k, v]) => `${k}=${v}`).join(", ") : "None" },
          ]}
        />
        {c.lastError && (
          <div role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-600/20">
            <span className="font-medium">Last error:</span> {c.lastError}
          </div>
        )}
      </Card>
      {can("clusters.manage") && <AuditTokenPanel cluster={c.name} issuedAt={c.auditTokenIssuedAt} />}
      <section aria-labelledby="placed-heading" className="space-y-3">
        <h2 id="placed-heading" className="text-lg font-semibold text-zinc-900">
          Workspaces on this cluster
        </h2>
        {c.workspaces.length === 0 ? (
          <EmptyState title="No workspace is placed on this cluster." />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {c.workspaces.map((ws) => (
              <li key={ws.name} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
                <Link href={`/workspaces/${ws.name}`} className="font-medium text-indigo-700 hover:underline">
                  {ws.displayName || ws.name}
                </Link>
                {ws.projects.length === 0 ? (
                  <p className="mt-2 text-sm text-zinc-500">No projects on this cluster.</p>
                ) : (
                  <ul aria-label={`Projects of ${ws.name} on ${c.name}`} className="mt-2 divide-y divide-zinc-100">
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

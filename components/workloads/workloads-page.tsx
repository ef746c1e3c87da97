"use client";
// A project's workloads kind by kind, read from its cluster as the viewer (the server impersonates them): one
// tab per kind with its count, the chosen kind's table, each name opening the object's page.
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { projectScope } from "@/lib/client/access-scope";
import { useWorkloadList, type WorkloadList } from "@/lib/client/hooks/workloads";
import { WORKLOAD_KINDS, type WorkloadKind } from "@/lib/schemas/workload-kinds";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { cell, objectHref } from "./cells";

/** Each kind's columns after its name, as `kubectl get` prints them. */
export const COLUMNS: Record<WorkloadKind, string[]> = {
  deployments: ["ready", "upToDate", "available", "createdAt"],
  statefulsets: ["ready", "createdAt"],
  daemonsets: ["desired", "current", "ready", "available", "createdAt"],
  jobs: ["status", "completions", "startedAt", "createdAt"],
  cronjobs: ["schedule", "suspended", "active", "lastScheduledAt", "createdAt"],
  pods: ["phase", "ready", "restarts", "node", "reason", "createdAt"],
  services: ["type", "clusterIP", "ports", "createdAt"],
  configmaps: ["keys", "createdAt"],
  secrets: ["type", "keys", "createdAt"],
  events: ["lastSeen", "type", "reason", "object", "message", "count"],
};

export const kindLabel = (kind: WorkloadKind) => `wl.kind.${kind}` as MessageKey;

export function WorkloadsPage({ ws, project, kind }: { ws: string; project: string; kind: WorkloadKind }) {
  const t = useT();
  const list = useWorkloadList(ws, project, kind, true);
  const crumbs = [
    { label: t("nav.workspaces"), href: "/workspaces" },
    { label: ws, href: `/workspaces/${ws}` },
    { label: project, href: `/workspaces/${ws}/projects/${project}` },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("tabs.workloads")} crumbs={crumbs} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      <nav aria-label={t("wl.kinds")}>
        <ul className="flex flex-wrap gap-2">
          {WORKLOAD_KINDS.map((k) => (
            <KindTab key={k} ws={ws} project={project} kind={k} current={k === kind} />
          ))}
        </ul>
      </nav>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <KindTable ws={ws} project={project} list={list.data} />
      )}
    </div>
  );
}

function KindTab({ ws, project, kind, current }: { ws: string; project: string; kind: WorkloadKind; current: boolean }) {
  const t = useT();
  const list = useWorkloadList(ws, project, kind, current);
  // A kind the cluster refuses shows no count rather than a zero.
  const count = list.data ? list.data.items.length : list.isError ? "–" : "…";
  return (
    <li>
      <Link
        href={`/workspaces/${ws}/projects/${project}/workloads?kind=${kind}`}
        aria-current={current ? "page" : undefined}
        className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm ring-1 ring-inset ${current ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50"}`}
      >
        {t(kindLabel(kind))}
        <span className={`rounded-full px-1.5 text-xs tabular-nums ${current ? "bg-indigo-500" : "bg-zinc-100 text-zinc-600"}`}>{count}</span>
      </Link>
    </li>
  );
}

function KindTable({ ws, project, list }: { ws: string; project: string; list: WorkloadList }) {
  const t = useT();
  const title = t(kindLabel(list.kind));
  const columns = COLUMNS[list.kind];
  return (
    <section className="space-y-3">
      <p className="text-xs text-zinc-500">
        {list.groups.length ? t("proj.workloadsAsGroups", { identity: list.identity, groups: list.groups.join(", ") }) : t("proj.workloadsAs", { identity: list.identity })}
      </p>
      {!list.items.length ? (
        <EmptyState title={t("wl.none")} />
      ) : (
        <DataTable caption={title}>
          <thead>
            <tr>
              <Th>{t("wl.col.name")}</Th>
              {columns.map((c) => (
                <Th key={c}>{t(`wl.col.${c}` as MessageKey)}</Th>
              ))}
            </tr>
          </thead>
          <TBody>
            {list.items.map((row) => (
              <tr key={row.name}>
                <Td className="font-mono">
                  <Link className="text-indigo-700 hover:underline" href={objectHref(ws, project, list.kind, row.name)}>
                    {row.name}
                  </Link>
                </Td>
                {columns.map((c) => (
                  <Td key={c} className={c === "message" ? "min-w-80 whitespace-normal!" : ""}>
                    {cell(c, (row as Record<string, unknown>)[c], t, { ws, project })}
                  </Td>
                ))}
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </section>
  );
}

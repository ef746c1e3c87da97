"use client";
// One object of a project's workloads as the cluster shows it to the viewer: its row and facts, conditions,
// containers, the Events about it and its YAML (read-only; a Secret's values never reach the browser).
import type { ReactNode } from "react";
import { Card, DetailList } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useWorkload, type WorkloadDetail } from "@/lib/client/hooks/workloads";
import type { WorkloadKind } from "@/lib/schemas/workload-kinds";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { cell } from "./cells";
import { COLUMNS, kindLabel } from "./workloads-page";
import { CodeBlock } from "@/components/ui/code-block";
import { ClusterError } from "@/components/ui/cluster-error";

export function WorkloadDetailPage({ ws, project, kind, name }: { ws: string; project: string; kind: WorkloadKind; name: string }) {
  const t = useT();
  const detail = useWorkload(ws, project, kind, name);
  const list = `/workspaces/${ws}/projects/${project}/workloads`;
  const crumbs = [
    { label: t("nav.workspaces"), href: "/workspaces" },
    { label: ws, href: `/workspaces/${ws}` },
    { label: project, href: `/workspaces/${ws}/projects/${project}` },
    { label: t("tabs.workloads"), href: list },
    { label: t(kindLabel(kind)), href: `${list}?kind=${kind}` },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={<span className="font-mono">{detail.data ? `${detail.data.objectKind} ${name}` : name}</span>} crumbs={crumbs} />
      {detail.isPending ? <LoadingState /> : detail.isError ? <ErrorState error={detail.error} onRetry={() => detail.refetch()} /> : <Detail ws={ws} project={project} d={detail.data} />}
    </div>
  );
}

function Detail({ ws, project, d }: { ws: string; project: string; d: WorkloadDetail }) {
  const t = useT();
  const at = { ws, project };
  const row = d.row as Record<string, unknown>;
  const labels = Object.entries(d.labels);
  return (
    <>
      <Card title={t("common.status")}>
        <p className="mb-4 text-xs text-zinc-500">
          {d.groups.length ? t("proj.workloadsAsGroups", { identity: d.identity, groups: d.groups.join(", ") }) : t("proj.workloadsAs", { identity: d.identity })}
        </p>
        <DetailList
          items={[
            ...COLUMNS[d.kind].map((c) => ({ label: t(`wl.col.${c}` as MessageKey), value: cell(c, row[c], t, at) })),
            ...d.facts.map((f) => ({ label: t(`wl.fact.${f.key}` as MessageKey), value: <span className="font-mono">{f.value}</span> })),
            ...(labels.length ? [{ label: t("wl.labels"), value: <span className="font-mono text-xs">{labels.map(([k, v]) => `${k}=${v}`).join(", ")}</span> }] : []),
          ]}
        />
        {d.kind === "secrets" && (
          <p className="mt-4 text-sm text-zinc-600">{(row.keys as string[]).length ? t("wl.secretHidden", { keys: (row.keys as string[]).join(", ") }) : t("wl.secretNoKeys")}</p>
        )}
      </Card>
      {d.conditions.length > 0 && (
        <Table title={t("wl.conditions")} head={[t("wl.col.type"), t("wl.col.status"), t("wl.col.reason"), t("wl.col.message"), t("wl.col.since")]}>
          {d.conditions.map((c) => (
            <tr key={c.type}>
              {[c.type, c.status, c.reason ?? "—", c.message ?? "—", cell("lastSeen", c.lastTransitionTime, t, at)].map((v, i) => (
                <Td key={i} className={i === 3 ? "min-w-80 whitespace-normal!" : ""}>
                  {v}
                </Td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      {d.containers.length > 0 && (
        <Table title={t("wl.containers")} head={[t("wl.col.name"), t("wl.col.image"), t("wl.col.ready"), t("wl.col.restarts"), t("wl.col.state"), t("wl.col.reason")]}>
          {d.containers.map((c) => (
            <tr key={`${c.init}/${c.name}`}>
              {[c.init ? t("wl.initContainer", { name: c.name }) : c.name, c.image, cell("ready", c.ready, t, at), cell("restarts", c.restarts, t, at), cell("state", c.state, t, at), cell("reason", c.reason, t, at)].map((v, i) => (
                <Td key={i} className={i < 2 ? "font-mono" : ""}>
                  {v}
                </Td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      {d.kind !== "events" && (
        <Card title={t("wl.events")}>
          {d.events.error ? (
            <ClusterError message={d.events.error} code={d.events.code} context="wl.eventsRefused" />
          ) : !d.events.items?.length ? (
            <p className="text-sm text-zinc-500">{t("wl.noEvents")}</p>
          ) : (
            <DataTable caption={t("wl.events")}>
              <thead>
                <tr>
                  {["lastSeen", "type", "reason", "message", "count"].map((c) => (
                    <Th key={c}>{t(`wl.col.${c}` as MessageKey)}</Th>
                  ))}
                </tr>
              </thead>
              <TBody>
                {d.events.items.map((e) => (
                  <tr key={e.name}>
                    {(["lastSeen", "type", "reason", "message", "count"] as const).map((c) => (
                      <Td key={c} className={c === "message" ? "min-w-80 whitespace-normal!" : ""}>
                        {cell(c, e[c], t, at)}
                      </Td>
                    ))}
                  </tr>
                ))}
              </TBody>
            </DataTable>
          )}
        </Card>
      )}
      <Card title={t("wl.yaml")}>
        <CodeBlock label={t("wl.yaml")} testId="workload-yaml" className="max-h-[32rem]">
          {d.yaml}
        </CodeBlock>
      </Card>
    </>
  );
}

function Table({ title, head, children }: { title: string; head: string[]; children: ReactNode }) {
  return (
    <Card title={title}>
      <DataTable caption={title}>
        <THead head={head} />
        <TBody>{children}</TBody>
      </DataTable>
    </Card>
  );
}

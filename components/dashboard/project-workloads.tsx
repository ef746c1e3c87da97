"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, THead } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { useWorkloads } from "@/lib/client/hooks/dashboard";
import { useT } from "@/lib/i18n/client";
import { Loaded } from "./parts";
import { ClusterError } from "@/components/ui/cluster-error";

const phaseStatus: Record<string, string> = { Running: "ready", Succeeded: "success", Pending: "pending", Failed: "error" };

/** Deployments, pods and services as the cluster shows them to this member (impersonated on the server). */
export function ProjectWorkloads({ workspace, project }: { workspace: string; project: string }) {
  const t = useT();
  const workloads = useWorkloads(workspace, project);
  return (
    <Card
      title={t("proj.workloads")}
      actions={
        <Link href={`/workspaces/${workspace}/projects/${project}/workloads`} className="text-sm text-indigo-700 hover:underline">
          {t("wl.allWorkloads")}
        </Link>
      }
    >
      <Loaded query={workloads}>
        {(w) => (
          <div className="space-y-5">
            <p className="text-xs text-zinc-500">
              {w.groups.length ? t("proj.workloadsAsGroups", { identity: w.identity, groups: w.groups.join(", ") }) : t("proj.workloadsAs", { identity: w.identity })}
            </p>
            <List title={t("proj.deployments")} list={w.deployments} head={[t("common.name"), t("proj.ready"), t("proj.available")]}>
              {(d) => [d.name, `${d.ready}/${d.replicas}`, d.available]}
            </List>
            <List title={t("proj.pods")} list={w.pods} head={[t("common.name"), t("common.status"), t("proj.ready"), t("proj.restarts"), t("proj.node")]}>
              {(p) => [p.name, <StatusBadge key="s" status={phaseStatus[p.phase] ?? "unknown"} />, p.ready, p.restarts, p.node ?? "—"]}
            </List>
            <List title={t("proj.services")} list={w.services} head={[t("common.name"), t("proj.type"), t("proj.clusterIP"), t("proj.ports")]}>
              {(s) => [s.name, s.type, s.clusterIP ?? "—", s.ports || "—"]}
            </List>
          </div>
        )}
      </Loaded>
    </Card>
  );
}

function List<T extends { name: string }>({ title, list, head, children }: { title: string; list: { items: T[] | null; error: string | null; code?: string }; head: string[]; children: (item: T) => ReactNode[] }) {
  const t = useT();
  return (
    <section>
      <h3 className="mb-2 text-sm font-medium text-zinc-900">{title}</h3>
      {list.error ? (
        <ClusterError message={list.error} code={list.code} context="proj.clusterRefused" />
      ) : !list.items?.length ? (
        <p className="text-sm text-zinc-500">{t("proj.noneYet")}</p>
      ) : (
        <DataTable caption={title}>
          <THead head={head} />
          <TBody>
            {list.items.map((item) => (
              <tr key={item.name}>
                {children(item).map((cell, i) => (
                  <Td key={i} className={i === 0 ? "font-mono" : ""}>
                    {cell}
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

"use client";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { Project } from "@/lib/client/types";
import { formatDate } from "@/lib/client/format";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";

export function ProjectsTable({ workspace, projects }: { workspace: string; projects: Project[] }) {
  const t = useT();
  return (
    <DataTable caption={t("proj.table", { ws: workspace })}>
      <thead>
        <tr>
          <Th>{t("common.name")}</Th>
          <Th>{t("common.status")}</Th>
          <Th>{t("common.cluster")}</Th>
          <Th>{t("proj.namespace")}</Th>
          <Th>{t("tabs.members")}</Th>
          <Th>{t("common.created")}</Th>
        </tr>
      </thead>
      <TBody>
        {projects.map((p) => (
          <tr key={p.name} className="hover:bg-zinc-50">
            <Td>
              <Link href={`/workspaces/${workspace}/projects/${p.name}`} className="font-medium text-indigo-700 hover:underline">
                {p.name}
              </Link>
              {p.displayName && <div className="text-xs text-zinc-500">{p.displayName}</div>}
            </Td>
            <Td>
              <StatusBadge status={p.status} />
            </Td>
            <Td>{p.cluster}</Td>
            <Td className="font-mono text-xs">{p.namespace}</Td>
            <Td>{p.memberCount}</Td>
            <Td>{formatDate(p.createdAt)}</Td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}

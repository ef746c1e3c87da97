import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { isWorkloadKind, WORKLOAD_KINDS } from "@/lib/schemas/workload-kinds";
import { WorkloadsPage } from "@/components/workloads/workloads-page";
import { Prefetched } from "@/lib/web/prefetch";
import { workloadListQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; project: string }>; searchParams: Promise<{ kind?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.workloads")} · ${(await params).project}` };
}

export default async function ProjectWorkloadsRoute({ params, searchParams }: Params) {
  const { ws, project } = await params;
  const { kind } = await searchParams;
  // An unknown or absent ?kind= opens the first kind.
  const shown = kind && isWorkloadKind(kind) ? kind : "deployments";
  return (
    // Every kind: the tabs show each one's count.
    <Prefetched queries={WORKLOAD_KINDS.map((k) => workloadListQuery(ws, project, k))}>
      <WorkloadsPage key={`${ws}/${project}`} ws={ws} project={project} kind={shown} />
    </Prefetched>
  );
}

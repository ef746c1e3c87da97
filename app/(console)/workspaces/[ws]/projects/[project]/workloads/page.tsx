import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { isWorkloadKind } from "@/lib/schemas/workload-kinds";
import { WorkloadsPage } from "@/components/workloads/workloads-page";

type Params = { params: Promise<{ ws: string; project: string }>; searchParams: Promise<{ kind?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.workloads")} · ${(await params).project}` };
}

export default async function ProjectWorkloadsRoute({ params, searchParams }: Params) {
  const { ws, project } = await params;
  const { kind } = await searchParams;
  // An unknown or absent ?kind= opens the first kind.
  return <WorkloadsPage key={`${ws}/${project}`} ws={ws} project={project} kind={kind && isWorkloadKind(kind) ? kind : "deployments"} />;
}

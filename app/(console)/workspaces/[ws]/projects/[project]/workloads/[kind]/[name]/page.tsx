import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isWorkloadKind } from "@/lib/schemas/workload-kinds";
import { WorkloadDetailPage } from "@/components/workloads/workload-detail";
import { Prefetched } from "@/lib/web/prefetch";
import { workloadQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; project: string; kind: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { project, name } = await params;
  return { title: `${name} · ${project}` };
}

export default async function WorkloadRoute({ params }: Params) {
  const { ws, project, kind, name } = await params;
  if (!isWorkloadKind(kind)) notFound();
  return (
    <Prefetched queries={[workloadQuery(ws, project, kind, name)]}>
      <WorkloadDetailPage key={`${ws}/${project}/${kind}/${name}`} ws={ws} project={project} kind={kind} name={name} />
    </Prefetched>
  );
}

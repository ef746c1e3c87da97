import type { Metadata } from "next";
import { ProjectDetail } from "@/components/projects/project-detail";
import { Prefetched } from "@/lib/web/prefetch";
import { projectLimitsQuery, projectNetworkQuery, projectQuotaQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  return { title: `${project} · ${ws}` };
}

export default async function ProjectPage({ params }: Params) {
  const { ws, project } = await params;
  // The project itself and the caller's permissions come with the layout; the overview's first cards come here.
  return (
    <Prefetched queries={[projectQuotaQuery(ws, project), projectLimitsQuery(ws, project), projectNetworkQuery(ws, project)]}>
      <ProjectDetail key={`${ws}/${project}`} workspace={ws} name={project} />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { ProjectDetail } from "@/components/projects/project-detail";
import { Prefetched } from "@/lib/web/prefetch";
import { membersList, pagedQuery, projectLimitsQuery, projectNetworkQuery, projectQuotaQuery, recentEventsQuery, workloadsSummaryQuery } from "@/lib/client/queries";
import { projectScope } from "@/lib/client/access-scope";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  return { title: `${project} · ${ws}` };
}

export default async function ProjectPage({ params }: Params) {
  const { ws, project } = await params;
  // The project itself and the caller's permissions come with the layout; the overview's panels come here.
  const queries = [
    projectQuotaQuery(ws, project),
    projectLimitsQuery(ws, project),
    projectNetworkQuery(ws, project),
    pagedQuery(membersList(projectScope(ws, project)), {}),
    workloadsSummaryQuery(ws, project),
    recentEventsQuery({ workspace: ws, project }),
  ];
  return (
    <Prefetched queries={queries}>
      <ProjectDetail key={`${ws}/${project}`} workspace={ws} name={project} />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { WorkspaceDetail } from "@/components/workspaces/workspace-detail";
import { Prefetched } from "@/lib/web/prefetch";
import {
  expiringMembersQuery,
  membersList,
  pagedQuery,
  PROJECT_FILTERS,
  projectList,
  projectsQuery,
  recentEventsQuery,
  workspaceQuotasQuery,
} from "@/lib/client/queries";
import { listParams, type SearchParams } from "@/lib/client/list-params";
import { workspaceScope } from "@/lib/client/access-scope";

type Params = { params: Promise<{ ws: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).ws };
}

export default async function WorkspacePage({ params, searchParams }: Params) {
  const { ws } = await params;
  const queries = [
    projectsQuery(ws),
    pagedQuery(projectList(ws), listParams(await searchParams, PROJECT_FILTERS)),
    pagedQuery(membersList(workspaceScope(ws)), {}),
    workspaceQuotasQuery(ws),
    expiringMembersQuery(ws),
    recentEventsQuery({ workspace: ws }),
  ];
  return (
    <Prefetched queries={queries}>
      <WorkspaceDetail key={ws} name={ws} />
    </Prefetched>
  );
}

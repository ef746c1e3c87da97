import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { WorkspaceList } from "@/components/workspaces/workspace-list";
import { Prefetched } from "@/lib/web/prefetch";
import { clustersQuery, pagedQuery, WORKSPACE_FILTERS, workspacesList } from "@/lib/client/queries";
import { listParams, type SearchParams } from "@/lib/client/list-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("nav.workspaces") };
}

export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <Prefetched queries={[pagedQuery(workspacesList, listParams(await searchParams, WORKSPACE_FILTERS)), clustersQuery]}>
      <WorkspaceList />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { projectScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";
import { Prefetched } from "@/lib/web/prefetch";
import { membersPageQueries } from "@/lib/client/queries";
import type { SearchParams } from "@/lib/client/list-params";

type Params = { params: Promise<{ ws: string; project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  const t = await getT();
  return { title: `${t("tabs.members")} · ${project} · ${ws}` };
}

export default async function ProjectMembersPage({ params, searchParams }: Params) {
  const { ws, project } = await params;
  const scope = projectScope(ws, project);
  return (
    <Prefetched queries={membersPageQueries(scope, await searchParams)}>
      <MembersPanel key={`${ws}/${project}`} scope={scope} />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { workspaceScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";
import { Prefetched } from "@/lib/web/prefetch";
import { membersPageQueries } from "@/lib/client/queries";
import type { SearchParams } from "@/lib/client/list-params";

type Params = { params: Promise<{ ws: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.members")} · ${(await params).ws}` };
}

export default async function WorkspaceMembersPage({ params, searchParams }: Params) {
  const scope = workspaceScope((await params).ws);
  return (
    <Prefetched queries={membersPageQueries(scope, await searchParams)}>
      <MembersPanel key={scope.workspace} scope={scope} />
    </Prefetched>
  );
}

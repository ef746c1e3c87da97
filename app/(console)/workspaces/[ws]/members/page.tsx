import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { workspaceScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.members")} · ${(await params).ws}` };
}

export default async function WorkspaceMembersPage({ params }: Params) {
  const { ws } = await params;
  return <MembersPanel key={ws} scope={workspaceScope(ws)} />;
}

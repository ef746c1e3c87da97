import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { projectScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  const t = await getT();
  return { title: `${t("tabs.members")} · ${project} · ${ws}` };
}

export default async function ProjectMembersPage({ params }: Params) {
  const { ws, project } = await params;
  return <MembersPanel key={`${ws}/${project}`} scope={projectScope(ws, project)} />;
}

import type { Metadata } from "next";
import { projectScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  return { title: `Members · ${project} · ${ws}` };
}

export default async function ProjectMembersPage({ params }: Params) {
  const { ws, project } = await params;
  return <MembersPanel key={`${ws}/${project}`} scope={projectScope(ws, project)} />;
}

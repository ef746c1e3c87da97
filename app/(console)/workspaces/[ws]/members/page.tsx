import type { Metadata } from "next";
import { workspaceScope } from "@/lib/client/access-scope";
import { MembersPanel } from "@/components/members/members-panel";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Members · ${(await params).ws}` };
}

export default async function WorkspaceMembersPage({ params }: Params) {
  const { ws } = await params;
  return <MembersPanel key={ws} scope={workspaceScope(ws)} />;
}

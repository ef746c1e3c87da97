import type { Metadata } from "next";
import { WorkspaceDetail } from "@/components/workspaces/workspace-detail";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).ws };
}

export default async function WorkspacePage({ params }: Params) {
  const { ws } = await params;
  return <WorkspaceDetail key={ws} name={ws} />;
}

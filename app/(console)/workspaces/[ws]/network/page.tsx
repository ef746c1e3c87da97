import type { Metadata } from "next";
import { WorkspaceNetwork } from "@/components/network/workspace-network";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Network · ${(await params).ws}` };
}

export default async function WorkspaceNetworkPage({ params }: Params) {
  const { ws } = await params;
  return <WorkspaceNetwork key={ws} ws={ws} />;
}

import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { WorkspaceNetwork } from "@/components/network/workspace-network";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.network")} · ${(await params).ws}` };
}

export default async function WorkspaceNetworkPage({ params }: Params) {
  const { ws } = await params;
  return <WorkspaceNetwork key={ws} ws={ws} />;
}

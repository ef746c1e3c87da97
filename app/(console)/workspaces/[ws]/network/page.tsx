import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { Prefetched } from "@/lib/web/prefetch";
import { connectivityQuery, workspaceNetworkQuery } from "@/lib/client/queries";
import { WorkspaceNetwork } from "@/components/network/workspace-network";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.network")} · ${(await params).ws}` };
}

export default async function WorkspaceNetworkPage({ params }: Params) {
  const { ws } = await params;
  return (
    <Prefetched queries={[workspaceNetworkQuery(ws), connectivityQuery(ws)]}>
      <WorkspaceNetwork key={ws} ws={ws} />
    </Prefetched>
  );
}

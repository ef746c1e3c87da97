import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { WorkspaceQuotas } from "@/components/quotas/workspace-quotas";
import { Prefetched } from "@/lib/web/prefetch";
import { workspaceQuotasQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.quotas")} · ${(await params).ws}` };
}

export default async function WorkspaceQuotasPage({ params }: Params) {
  const { ws } = await params;
  return (
    <Prefetched queries={[workspaceQuotasQuery(ws)]}>
      <WorkspaceQuotas key={ws} ws={ws} />
    </Prefetched>
  );
}

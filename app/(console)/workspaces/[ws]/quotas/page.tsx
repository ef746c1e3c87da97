import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { WorkspaceQuotas } from "@/components/quotas/workspace-quotas";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.quotas")} · ${(await params).ws}` };
}

export default async function WorkspaceQuotasPage({ params }: Params) {
  const { ws } = await params;
  return <WorkspaceQuotas key={ws} ws={ws} />;
}

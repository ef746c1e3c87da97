import type { Metadata } from "next";
import { WorkspaceQuotas } from "@/components/quotas/workspace-quotas";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Quotas · ${(await params).ws}` };
}

export default async function WorkspaceQuotasPage({ params }: Params) {
  const { ws } = await params;
  return <WorkspaceQuotas key={ws} ws={ws} />;
}

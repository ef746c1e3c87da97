import type { Metadata } from "next";
import { ProjectQuotaPage } from "@/components/quotas/project-quota";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Quota · ${(await params).project}` };
}

export default async function ProjectQuotaRoute({ params }: Params) {
  const { ws, project } = await params;
  return <ProjectQuotaPage key={`${ws}/${project}`} ws={ws} project={project} />;
}

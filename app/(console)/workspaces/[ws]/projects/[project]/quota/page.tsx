import type { Metadata } from "next";
import { Prefetched } from "@/lib/web/prefetch";
import { podSecurityQuery, projectLimitsQuery, projectQuotaQuery } from "@/lib/client/queries";
import { getT } from "@/lib/i18n/server";
import { ProjectQuotaPage } from "@/components/quotas/project-quota";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("quota.quota")} · ${(await params).project}` };
}

export default async function ProjectQuotaRoute({ params }: Params) {
  const { ws, project } = await params;
  return (
    <Prefetched queries={[projectQuotaQuery(ws, project), projectLimitsQuery(ws, project), podSecurityQuery(ws, project)]}>
      <ProjectQuotaPage key={`${ws}/${project}`} ws={ws} project={project} />
    </Prefetched>
  );
}

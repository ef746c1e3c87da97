import type { Metadata } from "next";
import { Prefetched } from "@/lib/web/prefetch";
import { projectNetworkQuery } from "@/lib/client/queries";
import { getT } from "@/lib/i18n/server";
import { ProjectNetworkPage } from "@/components/network/project-network";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.network")} · ${(await params).project}` };
}

export default async function ProjectNetworkRoute({ params }: Params) {
  const { ws, project } = await params;
  return (
    <Prefetched queries={[projectNetworkQuery(ws, project)]}>
      <ProjectNetworkPage key={`${ws}/${project}`} ws={ws} project={project} />
    </Prefetched>
  );
}

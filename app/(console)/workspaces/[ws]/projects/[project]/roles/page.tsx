import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { projectScope } from "@/lib/client/access-scope";
import { RolesList } from "@/components/roles/roles-list";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  const t = await getT();
  return { title: `${t("tabs.roles")} · ${project} · ${ws}` };
}

export default async function ProjectRolesPage({ params }: Params) {
  const { ws, project } = await params;
  return <RolesList key={`${ws}/${project}`} scope={projectScope(ws, project)} />;
}

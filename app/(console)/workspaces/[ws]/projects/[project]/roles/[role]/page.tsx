import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { projectScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { roleQuery, templatesQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; project: string; role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project, role } = await params;
  const t = await getT();
  return { title: `${role} · ${t("tabs.roles")} · ${project} · ${ws}` };
}

export default async function ProjectRolePage({ params }: Params) {
  const { ws, project, role } = await params;
  return (
    <Prefetched queries={[templatesQuery("project"), roleQuery(projectScope(ws, project), role)]}>
      <RoleEditorPage key={`${ws}/${project}/${role}`} scope={projectScope(ws, project)} name={role} />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { projectScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { templatesQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  const t = await getT();
  return { title: `${t("title.newRole")} · ${project} · ${ws}` };
}

export default async function NewProjectRolePage({ params }: Params) {
  const { ws, project } = await params;
  return (
    <Prefetched queries={[templatesQuery("project")]}>
      <RoleEditorPage key={`${ws}/${project}`} scope={projectScope(ws, project)} />
    </Prefetched>
  );
}

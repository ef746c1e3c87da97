import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { workspaceScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { roleQuery, templatesQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string; role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, role } = await params;
  const t = await getT();
  return { title: `${role} · ${t("tabs.roles")} · ${ws}` };
}

export default async function WorkspaceRolePage({ params }: Params) {
  const { ws, role } = await params;
  return (
    <Prefetched queries={[templatesQuery("workspace"), roleQuery(workspaceScope(ws), role)]}>
      <RoleEditorPage key={`${ws}/${role}`} scope={workspaceScope(ws)} name={role} />
    </Prefetched>
  );
}

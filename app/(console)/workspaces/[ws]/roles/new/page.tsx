import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { workspaceScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { templatesQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("title.newRole")} · ${(await params).ws}` };
}

export default async function NewWorkspaceRolePage({ params }: Params) {
  const { ws } = await params;
  return (
    <Prefetched queries={[templatesQuery("workspace")]}>
      <RoleEditorPage key={ws} scope={workspaceScope(ws)} />
    </Prefetched>
  );
}

import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { workspaceScope } from "@/lib/client/access-scope";
import { RolesList } from "@/components/roles/roles-list";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.roles")} · ${(await params).ws}` };
}

export default async function WorkspaceRolesPage({ params }: Params) {
  const { ws } = await params;
  return <RolesList key={ws} scope={workspaceScope(ws)} />;
}

import type { Metadata } from "next";
import { workspaceScope } from "@/lib/client/access-scope";
import { RolesList } from "@/components/roles/roles-list";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Roles · ${(await params).ws}` };
}

export default async function WorkspaceRolesPage({ params }: Params) {
  const { ws } = await params;
  return <RolesList key={ws} scope={workspaceScope(ws)} />;
}

import type { Metadata } from "next";
import { workspaceScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";

type Params = { params: Promise<{ ws: string; role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, role } = await params;
  return { title: `${role} · Roles · ${ws}` };
}

export default async function WorkspaceRolePage({ params }: Params) {
  const { ws, role } = await params;
  return <RoleEditorPage key={`${ws}/${role}`} scope={workspaceScope(ws)} name={role} />;
}

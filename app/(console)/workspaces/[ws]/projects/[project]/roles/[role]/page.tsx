import type { Metadata } from "next";
import { projectScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";

type Params = { params: Promise<{ ws: string; project: string; role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project, role } = await params;
  return { title: `${role} · Roles · ${project} · ${ws}` };
}

export default async function ProjectRolePage({ params }: Params) {
  const { ws, project, role } = await params;
  return <RoleEditorPage key={`${ws}/${project}/${role}`} scope={projectScope(ws, project)} name={role} />;
}

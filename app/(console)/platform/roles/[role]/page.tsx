import type { Metadata } from "next";
import { platformScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";

type Params = { params: Promise<{ role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${(await params).role} · Platform roles` };
}

export default async function PlatformRolePage({ params }: Params) {
  const { role } = await params;
  return <RoleEditorPage key={role} scope={platformScope} name={role} />;
}

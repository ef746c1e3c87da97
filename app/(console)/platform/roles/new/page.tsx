import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { platformScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("roles.newPlatform") };
}

export default function NewPlatformRolePage() {
  return <RoleEditorPage scope={platformScope} />;
}

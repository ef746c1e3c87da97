import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { platformScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { scopePermissionsQuery, templatesQuery } from "@/lib/client/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("roles.newPlatform") };
}

export default function NewPlatformRolePage() {
  return (
    <Prefetched queries={[templatesQuery("platform"), scopePermissionsQuery({ workspace: "" })]}>
      <RoleEditorPage scope={platformScope} />
    </Prefetched>
  );
}

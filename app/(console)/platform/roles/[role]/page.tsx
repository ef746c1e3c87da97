import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { platformScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";
import { Prefetched } from "@/lib/web/prefetch";
import { roleQuery, scopePermissionsQuery, templatesQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${(await params).role} · ${t("nav.platformRoles")}` };
}

export default async function PlatformRolePage({ params }: Params) {
  const { role } = await params;
  return (
    <Prefetched queries={[templatesQuery("platform"), roleQuery(platformScope, role), scopePermissionsQuery({ workspace: "" })]}>
      <RoleEditorPage key={role} scope={platformScope} name={role} />
    </Prefetched>
  );
}

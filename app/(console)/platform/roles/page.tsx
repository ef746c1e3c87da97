import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { platformScope } from "@/lib/client/access-scope";
import { RolesList } from "@/components/roles/roles-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("nav.platformRoles") };
}

export default function PlatformRolesPage() {
  return <RolesList scope={platformScope} />;
}

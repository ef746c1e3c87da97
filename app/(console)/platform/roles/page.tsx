import type { Metadata } from "next";
import { platformScope } from "@/lib/client/access-scope";
import { RolesList } from "@/components/roles/roles-list";

export const metadata: Metadata = { title: "Platform roles" };

export default function PlatformRolesPage() {
  return <RolesList scope={platformScope} />;
}

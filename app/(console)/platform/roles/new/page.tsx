import type { Metadata } from "next";
import { platformScope } from "@/lib/client/access-scope";
import { RoleEditorPage } from "@/components/roles/role-editor-page";

export const metadata: Metadata = { title: "New platform role" };

export default function NewPlatformRolePage() {
  return <RoleEditorPage scope={platformScope} />;
}

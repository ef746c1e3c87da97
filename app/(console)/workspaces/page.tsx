import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { WorkspaceList } from "@/components/workspaces/workspace-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("nav.workspaces") };
}

export default function WorkspacesPage() {
  return <WorkspaceList />;
}

import type { ReactNode } from "react";
import { WorkspaceGuard } from "@/components/shell/scope-guard";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  return <WorkspaceGuard ws={ws}>{children}</WorkspaceGuard>;
}

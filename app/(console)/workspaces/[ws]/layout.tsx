import type { ReactNode } from "react";
import { WorkspaceGuard } from "@/components/shell/scope-guard";
import { Prefetched } from "@/lib/web/prefetch";
import { scopePermissionsQuery, workspaceQuery } from "@/lib/client/queries";

// The workspace and the caller's permissions there, which every page under it reads first, come with the page.
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  return (
    <Prefetched queries={[workspaceQuery(ws), scopePermissionsQuery({ workspace: ws })]}>
      <WorkspaceGuard ws={ws}>{children}</WorkspaceGuard>
    </Prefetched>
  );
}

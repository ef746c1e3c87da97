import type { ReactNode } from "react";
import { ProjectGuard } from "@/components/shell/scope-guard";
import { Prefetched } from "@/lib/web/prefetch";
import { projectQuery, scopePermissionsQuery } from "@/lib/client/queries";

// The project and the caller's permissions in it, which every page under it reads first, come with the page.
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ ws: string; project: string }> }) {
  const { ws, project } = await params;
  return (
    <Prefetched queries={[projectQuery(ws, project), scopePermissionsQuery({ workspace: ws, project })]}>
      <ProjectGuard ws={ws} project={project}>{children}</ProjectGuard>
    </Prefetched>
  );
}

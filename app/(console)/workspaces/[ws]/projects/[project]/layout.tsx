import type { ReactNode } from "react";
import { ProjectGuard } from "@/components/shell/scope-guard";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ ws: string; project: string }> }) {
  const { ws, project } = await params;
  return <ProjectGuard ws={ws} project={project}>{children}</ProjectGuard>;
}

"use client";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/client/api";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useProject } from "@/lib/client/hooks/projects";
import { NotFound } from "@/components/ui/not-found";

const missing = (error: unknown) => error instanceof ApiError && error.status === 404;

/*
 * Every page under a workspace or project is the not-found page when that scope is missing or hidden (404), rather
 * than its header and tabs above a card of errors. A 403 is not missing: the page shows what it may.
 */
export function WorkspaceGuard({ ws, children }: { ws: string; children: ReactNode }) {
  const workspace = useWorkspace(ws);
  return missing(workspace.error) ? <NotFound /> : children;
}

export function ProjectGuard({ ws, project, children }: { ws: string; project: string; children: ReactNode }) {
  const found = useProject(ws, project);
  // The workspace guard above has not found its workspace missing, so "Back" leads there.
  return missing(found.error) ? <NotFound back={{ href: `/workspaces/${ws}`, label: ws }} /> : children;
}

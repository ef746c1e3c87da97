"use client";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/client/api";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useProject } from "@/lib/client/hooks/projects";
import { NotFound } from "@/components/ui/not-found";
import { LoadingState } from "@/components/ui/states";

const missing = (error: unknown) => error instanceof ApiError && error.status === 404;

/*
 * Every page under a workspace or project is the not-found page when that scope is missing or hidden (404), rather
 * than its header and tabs above a card of errors. A 403 is not missing: the page shows what it may.
 * Until the scope answers, the page is mounted (its own requests start at once) but not shown: a page that does not
 * wait for data, such as the access review's form, must not show to a non-member before the 404 replaces it.
 */
function Scoped({ scope, notFound, children }: { scope: { error: unknown; isPending: boolean }; notFound: ReactNode; children: ReactNode }) {
  if (missing(scope.error)) return notFound;
  return (
    <>
      {scope.isPending && <LoadingState />}
      <div hidden={scope.isPending}>{children}</div>
    </>
  );
}

export function WorkspaceGuard({ ws, children }: { ws: string; children: ReactNode }) {
  return <Scoped scope={useWorkspace(ws)} notFound={<NotFound />}>{children}</Scoped>;
}

export function ProjectGuard({ ws, project, children }: { ws: string; project: string; children: ReactNode }) {
  // The workspace guard above has not found its workspace missing, so "Back" leads there.
  return <Scoped scope={useProject(ws, project)} notFound={<NotFound back={{ href: `/workspaces/${ws}`, label: ws }} />}>{children}</Scoped>;
}

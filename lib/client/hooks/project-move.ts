"use client";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { ScopePermissions } from "../types";
import { toastMessage } from "../toast";
import { projectPath } from "../queries";
import type { MovePlan } from "@/lib/tenancy/project-move";
import type { MoveMembers } from "@/lib/schemas/project";

export type { MovePlan, MoveMembers };

const movePath = (ws: string, project: string) => `${projectPath(ws, project)}/move`;

/** What moving to `to` would do: the server's dry run, asked again whenever the target or the members choice changes. */
export function useMovePlan(ws: string, project: string, to: string, members: MoveMembers) {
  return useQuery({
    queryKey: ["project-move", ws, project, to, members],
    queryFn: () => apiSend<MovePlan>("POST", movePath(ws, project), { workspace: to, members, dryRun: true }),
    enabled: !!to,
    retry: false,
    staleTime: 0,
  });
}

export function useMoveProject(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { workspace: string; members: MoveMembers }) => apiSend<MovePlan>("POST", movePath(ws, project), input),
    meta: { toast: (plan: MovePlan) => toastMessage("toast.projectMoved", { name: plan.project, workspace: plan.to }) },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["projects"] }), client.invalidateQueries({ queryKey: ["project-list"] }), client.invalidateQueries({ queryKey: ["workspaces"] })]),
  });
}

/** Of `candidates`, those where the caller may create projects (one permissions query each, cached). */
export function useCanCreateProjectsIn(candidates: string[]) {
  const answers = useQueries({
    queries: candidates.map((workspace) => ({
      queryKey: ["permissions", workspace, null],
      queryFn: () => apiGet<ScopePermissions>("/api/v1/me/permissions", { workspace }),
      staleTime: 60_000,
    })),
  });
  return {
    pending: answers.some((a) => a.isPending),
    workspaces: candidates.filter((_, i) => answers[i]?.data?.permissions.includes("projects.create")),
  };
}

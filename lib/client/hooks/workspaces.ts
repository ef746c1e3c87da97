"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import { workspacePath, workspaceQuery, workspacesList } from "../queries";
import type { Workspace } from "../types";
import { usePagedList } from "./list";
import { toastMessage } from "../toast";

export interface WorkspaceInput {
  name: string;
  displayName?: string;
  description?: string;
  clusters: string[];
}

/** `params`: the workspaces list's view (q, sort, cluster). */
export const useWorkspaces = (params: Record<string, string> = {}) => usePagedList<Workspace>(workspacesList, params);

export function useDeleteWorkspace(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<void>("DELETE", workspacePath(name)),
    meta: { toast: () => toastMessage("toast.workspaceDeleted", { name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["workspaces"] }),
  });
}

export function useWorkspace(name: string) {
  const { queryKey, path } = workspaceQuery(name);
  return useQuery({ queryKey, queryFn: () => apiGet<Workspace>(path) });
}

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkspaceInput) => apiSend<Workspace>("POST", "/api/v1/workspaces", input),
    meta: { toast: (ws: Workspace) => toastMessage("toast.workspaceCreated", { name: ws.name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["workspaces"] }),
  });
}

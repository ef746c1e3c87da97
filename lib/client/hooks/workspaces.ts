"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { Page, Workspace } from "../types";
import { toastMessage } from "../toast";

export interface WorkspaceInput {
  name: string;
  displayName?: string;
  description?: string;
  clusters: string[];
}

const PAGE_SIZE = 50;

export function useWorkspaces(search = "") {
  return useInfiniteQuery({
    queryKey: ["workspaces", "list", search],
    queryFn: ({ pageParam }) => apiGet<Page<Workspace>>("/api/v1/workspaces", { limit: PAGE_SIZE, cursor: pageParam, q: search }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search keeps the last answer on screen instead of flashing an empty list.
    placeholderData: keepPreviousData,
  });
}

export function useDeleteWorkspace(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<void>("DELETE", `/api/v1/workspaces/${encodeURIComponent(name)}`),
    meta: { toast: () => toastMessage("toast.workspaceDeleted", { name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["workspaces"] }),
  });
}

export function useWorkspace(name: string) {
  return useQuery({
    queryKey: ["workspaces", "detail", name],
    queryFn: () => apiGet<Workspace>(`/api/v1/workspaces/${encodeURIComponent(name)}`),
  });
}

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkspaceInput) => apiSend<Workspace>("POST", "/api/v1/workspaces", input),
    meta: { toast: (ws: Workspace) => toastMessage("toast.workspaceCreated", { name: ws.name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["workspaces"] }),
  });
}

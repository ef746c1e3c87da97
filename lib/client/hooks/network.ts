"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import { projectNetworkQuery, projectPath } from "../queries";
import type { AllowEntry, ConnectivityMatrix, ProjectNetwork } from "../types";
import { toastMessage } from "../toast";

const wsPath = (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}`;

export function useWorkspaceNetwork(ws: string) {
  return useQuery({ queryKey: ["network", ws], queryFn: () => apiGet<{ isolated: boolean }>(`${wsPath(ws)}/network`) });
}

export function useSetWorkspaceNetwork(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isolated: boolean) => apiSend<{ isolated: boolean }>("PUT", `${wsPath(ws)}/network`, { isolated }),
    meta: { toast: (_: unknown, isolated: boolean) => toastMessage(isolated ? "toast.isolationOn" : "toast.isolationOff", { name: ws }) },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["network", ws] }), client.invalidateQueries({ queryKey: ["connectivity", ws] }), client.invalidateQueries({ queryKey: ["workspaces"] })]),
  });
}

/** The matrix is read from the cluster; others may change policies with kubectl, so it refreshes itself. */
export function useConnectivity(ws: string, cluster?: string) {
  return useQuery({
    queryKey: ["connectivity", ws, cluster ?? null],
    queryFn: () => apiGet<ConnectivityMatrix>(`${wsPath(ws)}/connectivity`, { cluster }),
    refetchInterval: 10_000,
  });
}

export function useProjectNetwork(ws: string, project: string) {
  const { queryKey, path } = projectNetworkQuery(ws, project);
  return useQuery({ queryKey, queryFn: () => apiGet<ProjectNetwork>(path) });
}

export interface ProjectNetworkInput {
  isolated: boolean;
  allow: AllowEntry[];
  egress?: { isolated: boolean; allow: AllowEntry[] };
}

export function useSetProjectNetwork(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectNetworkInput) => apiSend<ProjectNetwork>("PUT", `${projectPath(ws, project)}/network`, body),
    meta: { toast: () => toastMessage("toast.networkSaved", { name: project }) },
    onSuccess: (data) => {
      client.setQueryData(["network", ws, project], data);
      return client.invalidateQueries({ queryKey: ["connectivity", ws] });
    },
  });
}

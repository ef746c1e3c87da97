"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import { connectivityQuery, projectNetworkQuery, projectPath, workspaceNetworkQuery, workspacePath } from "../queries";
import type { AllowEntry, ConnectivityMatrix, ProjectNetwork } from "../types";
import { toastMessage } from "../toast";
import { useApiQuery } from "./api-query";

export function useWorkspaceNetwork(ws: string) {
  return useApiQuery<{ isolated: boolean }>(workspaceNetworkQuery(ws));
}

export function useSetWorkspaceNetwork(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isolated: boolean) => apiSend<{ isolated: boolean }>("PUT", `${workspacePath(ws)}/network`, { isolated }),
    meta: { toast: (_: unknown, isolated: boolean) => toastMessage(isolated ? "toast.isolationOn" : "toast.isolationOff", { name: ws }) },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["network", ws] }), client.invalidateQueries({ queryKey: ["connectivity", ws] }), client.invalidateQueries({ queryKey: ["workspaces"] })]),
  });
}

/** The matrix is read from the cluster; others may change policies with kubectl, so it refreshes itself. */
export function useConnectivity(ws: string, cluster?: string) {
  return useApiQuery<ConnectivityMatrix>(connectivityQuery(ws, cluster), { refetchInterval: 10_000 });
}

export function useProjectNetwork(ws: string, project: string) {
  return useApiQuery<ProjectNetwork>(projectNetworkQuery(ws, project));
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

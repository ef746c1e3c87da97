"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import { podSecurityQuery, projectLimitsQuery, projectPath, projectQuotaQuery, workspacePath, workspaceQuotasQuery } from "../queries";
import type { ContainerLimits, PodSecurityLevel, ProjectLimits, ProjectQuota, ResourceMap, WorkspaceQuota, WorkspaceQuotaSaved } from "../types";
import { toastMessage } from "../toast";
import { useApiQuery } from "./api-query";

/** Usage comes from the cluster's quota controller: refreshed in place, no reload. */
const USAGE_REFRESH_MS = 5_000;

export function useWorkspaceQuotas(ws: string) {
  return useApiQuery<WorkspaceQuota[]>(workspaceQuotasQuery(ws), { refetchInterval: USAGE_REFRESH_MS });
}

type PoolBody = { hard: ResourceMap; defaultProject?: { hard: ResourceMap } | null };
const poolPath = (ws: string, cluster: string) => `${workspacePath(ws)}/quotas/${encodeURIComponent(cluster)}`;

/** What saving the pool would do (`?dryRun=true`): checked like a save, nothing changed, no toast. */
export function usePoolDryRun(ws: string, cluster: string) {
  return useMutation({ mutationFn: (body: PoolBody) => apiSend<WorkspaceQuotaSaved>("PUT", `${poolPath(ws, cluster)}?dryRun=true`, body) });
}

export function useSetWorkspaceQuota(ws: string, cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PoolBody) => apiSend<WorkspaceQuotaSaved>("PUT", poolPath(ws, cluster), body),
    meta: { toast: () => toastMessage("toast.poolSaved", { cluster }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["quotas", ws] }),
  });
}

export function useProjectQuota(ws: string, project: string) {
  return useApiQuery<ProjectQuota>(projectQuotaQuery(ws, project), { refetchInterval: USAGE_REFRESH_MS });
}

export function useSetProjectQuota(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hard: ResourceMap) => apiSend<ProjectQuota>("PUT", `${projectPath(ws, project)}/quota`, { hard }),
    meta: { toast: () => toastMessage("toast.quotaSaved", { name: project }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["quotas", ws] }),
  });
}

export function useProjectLimits(ws: string, project: string) {
  return useApiQuery<ProjectLimits>(projectLimitsQuery(ws, project));
}

export function useSetProjectLimits(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (limits: ContainerLimits) => apiSend<ProjectLimits>("PUT", `${projectPath(ws, project)}/limits`, limits),
    meta: { toast: () => toastMessage("toast.limitsSaved", { name: project }) },
    onSuccess: (data) => client.setQueryData(["limits", ws, project], data),
  });
}

export function usePodSecurity(ws: string, project: string) {
  return useApiQuery<{ level: PodSecurityLevel }>(podSecurityQuery(ws, project));
}

export function useSetPodSecurity(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (level: PodSecurityLevel) => apiSend<{ level: PodSecurityLevel }>("PUT", `${projectPath(ws, project)}/pod-security`, { level }),
    meta: { toast: (_: unknown, level: PodSecurityLevel) => toastMessage("toast.podSecuritySaved", { name: project, level }, { level: { kind: "podSecurity" } }) },
    onSuccess: (data) => {
      client.setQueryData(["pod-security", ws, project], data);
      return client.invalidateQueries({ queryKey: ["projects", ws, project] });
    },
  });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import type { WorkloadDetail, WorkloadRow } from "@/lib/schemas/workloads";
import type { WorkloadKind } from "@/lib/schemas/workload-kinds";
import { apiGet } from "../api";
import { workloadListQuery } from "../queries";

export type { WorkloadDetail, WorkloadRow };
export interface WorkloadList<K extends WorkloadKind = WorkloadKind> {
  cluster: string;
  namespace: string;
  identity: string;
  groups: string[];
  kind: K;
  items: WorkloadRow<K>[];
}

const REFRESH_MS = 10_000;
const base = (ws: string, project: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/projects/${encodeURIComponent(project)}/workloads`;

/** One kind's list; only the one on screen refreshes (`live`), the others give their counts once. */
export function useWorkloadList<K extends WorkloadKind>(ws: string, project: string, kind: K, live: boolean) {
  const { queryKey, path } = workloadListQuery(ws, project, kind);
  return useQuery({
    queryKey,
    queryFn: () => apiGet<WorkloadList<K>>(path),
    refetchInterval: live ? REFRESH_MS : false,
    retry: false,
  });
}

export function useWorkload(ws: string, project: string, kind: WorkloadKind, name: string) {
  return useQuery({
    queryKey: ["workload", ws, project, kind, name],
    queryFn: () => apiGet<WorkloadDetail>(`${base(ws, project)}/${kind}/${encodeURIComponent(name)}`),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}

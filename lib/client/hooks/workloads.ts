"use client";
import { useQuery } from "@tanstack/react-query";
import type { WorkloadDetail, WorkloadRow } from "@/lib/schemas/workloads";
import type { WorkloadKind } from "@/lib/schemas/workload-kinds";
import { apiGet } from "../api";
import { workloadListQuery, workloadQuery } from "../queries";

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
  const { queryKey, path } = workloadQuery(ws, project, kind, name);
  return useQuery({
    queryKey,
    queryFn: () => apiGet<WorkloadDetail>(path),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}

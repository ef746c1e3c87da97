"use client";
import type { WorkloadDetail, WorkloadRow } from "@/lib/schemas/workloads";
import type { WorkloadKind } from "@/lib/schemas/workload-kinds";
import { workloadListQuery, workloadQuery } from "../queries";
import { useApiQuery } from "./api-query";

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
  return useApiQuery<WorkloadList<K>>(workloadListQuery(ws, project, kind), { refetchInterval: live ? REFRESH_MS : false, retry: false });
}

export function useWorkload(ws: string, project: string, kind: WorkloadKind, name: string) {
  return useApiQuery<WorkloadDetail>(workloadQuery(ws, project, kind, name), { refetchInterval: REFRESH_MS, retry: false });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";

/** GET /api/v1/clusters/{cluster}/nodes (lib/kube/nodes.ts): quantities in Kubernetes notation. */
export interface NodeSummary {
  name: string;
  roles: string[];
  status: "Ready" | "NotReady" | "Unknown";
  unschedulable: boolean;
  kubeletVersion: string | null;
  capacity: { cpu: string; memory: string };
  allocatable: { cpu: string; memory: string };
  requested: { cpu: string; memory: string };
  pods: number;
}

export function useClusterNodes(cluster: string) {
  return useQuery({
    queryKey: ["clusters", cluster, "nodes"],
    queryFn: async () => (await apiGet<{ items: NodeSummary[] }>(`/api/v1/clusters/${encodeURIComponent(cluster)}/nodes`)).items,
  });
}

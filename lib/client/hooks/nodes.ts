"use client";
// GET /api/v1/clusters/{cluster}/nodes (lib/kube/nodes.ts): quantities in Kubernetes notation.
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";

import type { NodeSummary } from "../../kube/nodes";

export type { NodeSummary };

export function useClusterNodes(cluster: string) {
  return useQuery({
    queryKey: ["clusters", cluster, "nodes"],
    queryFn: async () => (await apiGet<{ items: NodeSummary[] }>(`/api/v1/clusters/${encodeURIComponent(cluster)}/nodes`)).items,
  });
}

"use client";
// GET /api/v1/clusters/{cluster}/nodes (lib/kube/nodes.ts): quantities in Kubernetes notation.
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import { clusterNodesQuery, listItems } from "../queries";

import type { NodeSummary } from "../../kube/nodes";

export type { NodeSummary };

export function useClusterNodes(cluster: string) {
  const { queryKey, path } = clusterNodesQuery(cluster);
  return useQuery({
    queryKey,
    queryFn: async () => listItems(await apiGet<{ items: NodeSummary[] }>(path)),
  });
}

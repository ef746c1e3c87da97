"use client";
// GET /api/v1/clusters/{cluster}/nodes (lib/kube/nodes.ts): quantities in Kubernetes notation.
import { clusterNodesQuery } from "../queries";
import type { NodeSummary } from "../../kube/nodes";
import { useApiQuery } from "./api-query";

export type { NodeSummary };

export function useClusterNodes(cluster: string) {
  return useApiQuery<NodeSummary[]>(clusterNodesQuery(cluster));
}

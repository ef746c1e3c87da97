"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import { clusterQuery, clustersQuery } from "../queries";
import type { Cluster, ClusterDetail } from "../types";
import { toastMessage } from "../toast";
import { useApiQuery } from "./api-query";

export interface ClusterRegistration {
  name: string;
  displayName?: string;
  kubeconfig: string;
}

export function useClusters(options: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useApiQuery<Cluster[]>(clustersQuery, { refetchInterval: options.refetchInterval, enabled: options.enabled });
}

export function useCluster(name: string) {
  return useApiQuery<ClusterDetail>(clusterQuery(name));
}

export function useDeleteCluster(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<void>("DELETE", `/api/v1/clusters/${encodeURIComponent(name)}`),
    meta: { toast: () => toastMessage("toast.clusterRemoved", { name }) },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["clusters"] }), client.invalidateQueries({ queryKey: ["cluster-list"] })]),
  });
}

/** The clusters page's list (`params`: q, sort, health); health is probed in the background, so it refreshes now and then. */
export function useClusterList(params: Record<string, string>) {
  return useQuery({
    queryKey: ["cluster-list", params],
    queryFn: async () => (await apiGet<{ items: Cluster[] }>("/api/v1/clusters", params)).items,
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
}

export function useRegisterCluster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterRegistration) => apiSend<ClusterDetail>("POST", "/api/v1/clusters", input),
    meta: { toast: (cluster: ClusterDetail) => toastMessage("toast.clusterAdded", { name: cluster.name }) },
    onSuccess: (cluster) => {
      client.setQueryData(["clusters", cluster.name], cluster);
      return Promise.all([client.invalidateQueries({ queryKey: ["clusters"], exact: true }), client.invalidateQueries({ queryKey: ["cluster-list"] })]);
    },
  });
}

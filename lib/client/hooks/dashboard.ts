"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import { listItems, platformDashboardQuery, projectPath, recentEventsQuery, workloadsSummaryQuery } from "../queries";
import type { AuditFilters } from "../audit-filters";
import type { AuditEvent, Cluster, Page, ProjectStatus, ResourceMap } from "../types";
import { useApiQuery } from "./api-query";

export interface PlatformDashboard {
  workspaces: number;
  users: number | null;
  projects: { total: number } & Partial<Record<ProjectStatus, number>>;
  projectsInError: { name: string; workspace: string; cluster: string; message: string | null; since: string }[];
  clusters: Cluster[];
  quotas: { cluster: string; pooled: ResourceMap; allocated: ResourceMap; used: ResourceMap | null; usageError: string | null }[];
}

export interface SearchResults {
  workspaces: { name: string; displayName: string | null }[];
  projects: { name: string; displayName: string | null; status: ProjectStatus; workspace: string }[];
  users: { username: string; displayName: string | null }[];
}

/** `error`: a sentence in the caller's language; `code`: what kind of refusal (lib/kube/errors.ts). */
type Listed<T> = { items: T[] | null; error: string | null; code?: string };
export interface Workloads {
  cluster: string;
  namespace: string;
  identity: string;
  /** Groups the read impersonated besides the user (tenantry:platform-viewers for platform-wide viewers). */
  groups: string[];
  deployments: Listed<{ name: string; replicas: number; ready: number; available: number; createdAt: string | null }>;
  pods: Listed<{ name: string; phase: string; ready: string; restarts: number; node: string | null; createdAt: string | null }>;
  services: Listed<{ name: string; type: string; clusterIP: string | null; ports: string }>;
}

const REFRESH_MS = 10_000;

export function usePlatformDashboard() {
  return useApiQuery<PlatformDashboard>(platformDashboardQuery, { refetchInterval: REFRESH_MS });
}

/** Keeps the last answer on screen while the next query is in flight, so results do not flicker per keystroke. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: ["search", q],
    queryFn: () => apiGet<SearchResults>("/api/v1/search", { q, limit: 5 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useWorkloads(ws: string, project: string) {
  return useApiQuery<Workloads>(workloadsSummaryQuery(ws, project), { refetchInterval: REFRESH_MS });
}

export function useManagedObjects(ws: string, project: string, enabled: boolean) {
  return useQuery({
    queryKey: ["objects", ws, project],
    queryFn: () => apiGet<{ yaml: string | null; error: string | null; code?: string }>(`${projectPath(ws, project)}/objects`),
    enabled,
  });
}

/** The newest few audit events of a scope (the audit API already limits them to what the caller may see). */
export function useRecentEvents(filters: AuditFilters, limit = 8, enabled = true) {
  return useQuery({
    queryKey: recentEventsQuery(filters, limit).queryKey,
    // The path is built when asked: a preset range counts back from that moment.
    queryFn: async () => listItems(await apiGet<Page<AuditEvent>>(recentEventsQuery(filters, limit).path)),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import type { ScopePermissions } from "../types";

/** The caller's effective permissions in a workspace (or project), to hide what they cannot do. */
export function useScopePermissions(scope: { workspace: string; project?: string }, options: { enabled?: boolean } = {}) {
  const query = useQuery({
    queryKey: ["permissions", scope.workspace, scope.project ?? null],
    queryFn: () => apiGet<ScopePermissions>("/api/v1/me/permissions", scope),
    staleTime: 60_000,
    enabled: options.enabled,
  });
  const granted = new Set(query.data?.permissions ?? []);
  return { ...query, can: (permission: string) => granted.has(permission) };
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import { scopePermissionsQuery } from "../queries";
import type { ScopePermissions } from "../types";

/** The caller's effective permissions in a workspace (or project), to hide what they cannot do. */
export function useScopePermissions(scope: { workspace: string; project?: string }, options: { enabled?: boolean } = {}) {
  const { queryKey, path } = scopePermissionsQuery(scope);
  const query = useQuery({
    queryKey,
    queryFn: () => apiGet<ScopePermissions>(path),
    staleTime: 60_000,
    enabled: options.enabled,
  });
  const granted = new Set(query.data?.permissions ?? []);
  return { ...query, can: (permission: string) => granted.has(permission) };
}

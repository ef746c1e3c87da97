"use client";
import { scopePermissionsQuery } from "../queries";
import type { ScopePermissions } from "../types";
import { useApiQuery } from "./api-query";

/** The caller's effective permissions in a workspace (or project), to hide what they cannot do. */
export function useScopePermissions(scope: { workspace: string; project?: string }, options: { enabled?: boolean } = {}) {
  const query = useApiQuery<ScopePermissions>(scopePermissionsQuery(scope), { staleTime: 60_000, enabled: options.enabled });
  const granted = new Set(query.data?.permissions ?? []);
  return { ...query, can: (permission: string) => granted.has(permission) };
}

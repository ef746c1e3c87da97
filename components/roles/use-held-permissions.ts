"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useScopePermissions } from "@/lib/client/hooks/permissions";

/**
 * The caller's effective permissions at a role scope. For the platform the empty workspace is dropped
 * from the query, so /api/v1/me/permissions answers for the platform itself.
 */
export function useHeldPermissions(scope: AccessScope) {
  return useScopePermissions({ workspace: scope.workspace ?? "", project: scope.project });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import { scopeApi, scopeKey, type AccessScope } from "../access-scope";
import type { AccessReview } from "../types";

/** Who can perform `action` in the scope, and through which binding; idle until an action is picked. */
export function useAccessReview(scope: AccessScope, action: string) {
  return useQuery({
    queryKey: ["access-review", ...scopeKey(scope), action],
    queryFn: () => apiGet<AccessReview>(`${scopeApi(scope)}/access-review`, { action }),
    enabled: action !== "",
  });
}

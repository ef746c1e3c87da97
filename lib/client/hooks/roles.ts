"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import { scopeApi, scopeKey, type AccessScope } from "../access-scope";
import type { Role } from "../types";
import { toastMessage } from "../toast";
import { roleQuery, rolesQuery } from "../queries";
import { useApiQuery } from "./api-query";

export interface RoleInput {
  displayName?: string;
  description?: string;
  templates: string[];
}

const rolesPath = (scope: AccessScope) => `${scopeApi(scope)}/roles`;
const rolePath = (scope: AccessScope, name: string) => `${rolesPath(scope)}/${encodeURIComponent(name)}`;
const rolesKey = (scope: AccessScope) => ["roles", ...scopeKey(scope)];

/** Built-in and custom roles of the scope, built-in first. */
export function useRoles(scope: AccessScope, enabled = true) {
  return useApiQuery<Role[]>(rolesQuery(scope), { enabled });
}

/** One role; idle without a name (the editor creating a new role). */
export function useRole(scope: AccessScope, name: string | undefined) {
  return useQuery({
    queryKey: name === undefined ? [...rolesKey(scope), name] : roleQuery(scope, name).queryKey,
    queryFn: () => apiGet<Role>(rolePath(scope, name!)),
    enabled: name !== undefined,
  });
}

export function useCreateRole(scope: AccessScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleInput & { name: string }) => apiSend<Role>("POST", rolesPath(scope), input),
    meta: { toast: (role: Role) => toastMessage("toast.roleCreated", { name: role.name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey(scope) }),
  });
}

export function useUpdateRole(scope: AccessScope, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleInput) => apiSend<Role>("PUT", rolePath(scope, name), input),
    meta: { toast: () => toastMessage("toast.roleSaved", { name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey(scope) }),
  });
}

export function useDeleteRole(scope: AccessScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiSend<void>("DELETE", rolePath(scope, name)),
    meta: { toast: (_: void, name: string) => toastMessage("toast.roleDeleted", { name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey(scope) }),
  });
}

"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { GroupBindingInfo, IdentityProviderInfo } from "../types";
import { toastMessage } from "../toast";

/** A provider as POST and PUT take it; `secret` is write-only and left out to keep the stored one. */
export type ProviderInput = {
  name: string;
  type: "oidc" | "ldap";
  displayName?: string;
  enabled: boolean;
  mappingMethod: string;
  config: Record<string, unknown>;
  secret?: string;
};
export type TestResult = { ok: boolean; message: string };

const base = "/api/v1/identity-providers";
const one = (name: string) => `${base}/${encodeURIComponent(name)}`;

export function useIdentityProviders() {
  return useQuery({ queryKey: ["identity-providers"], queryFn: () => apiGet<{ items: IdentityProviderInfo[] }>(base) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["identity-providers"] });
}

export function useCreateProvider() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiSend<IdentityProviderInfo>("POST", base, body),
    onSuccess,
    meta: { toast: (p: IdentityProviderInfo) => toastMessage("toast.providerCreated", { name: p.name }) },
  });
}

export function useDeleteProvider() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (name: string) => apiSend<void>("DELETE", one(name)),
    onSuccess,
    meta: { toast: (_: void, name: string) => toastMessage("toast.providerDeleted", { name }) },
  });
}

/** PUT replaces the configuration; a body without `secret` keeps the stored one. */
export function useUpdateProvider() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: ProviderInput) => apiSend<IdentityProviderInfo>("PUT", one(body.name), body),
    onSuccess,
    meta: { toast: (p: IdentityProviderInfo) => toastMessage("idp.saved", { name: p.name }) },
  });
}

/** "Test connection" on the form as it stands, saved or not. */
export function useTestDraft() {
  return useMutation({ mutationFn: (body: ProviderInput) => apiSend<TestResult>("POST", `${one(body.name)}/test`, body) });
}

export function useTestProvider(name: string) {
  return useMutation({ mutationFn: () => apiSend<TestResult>("POST", `${one(name)}/test`) });
}

export function useBindings(name: string) {
  return useQuery({ queryKey: ["identity-providers", name, "bindings"], queryFn: () => apiGet<{ items: GroupBindingInfo[] }>(`${one(name)}/bindings`) });
}

export function useCreateBinding(name: string) {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: { group: string; workspace: string; project?: string; role: string; expiresAt?: string }) => apiSend<GroupBindingInfo>("POST", `${one(name)}/bindings`, body),
    onSuccess,
    meta: { toast: (_: unknown, body: { group: string }) => toastMessage("toast.bindingCreated", { name: body.group }) },
  });
}

export function useDeleteBinding(name: string) {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>("DELETE", `${one(name)}/bindings/${id}`),
    onSuccess,
    meta: { toast: () => toastMessage("toast.bindingDeleted") },
  });
}

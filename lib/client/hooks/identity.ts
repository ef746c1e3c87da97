"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { GroupBindingInfo, IdentityProviderInfo } from "../types";

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
  return useMutation({ mutationFn: (body: Record<string, unknown>) => apiSend<IdentityProviderInfo>("POST", base, body), onSuccess });
}

export function useDeleteProvider() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (name: string) => apiSend<void>("DELETE", one(name)), onSuccess });
}

export function useTestProvider(name: string) {
  return useMutation({ mutationFn: () => apiSend<{ ok: boolean; message: string }>("POST", `${one(name)}/test`) });
}

export function useBindings(name: string) {
  return useQuery({ queryKey: ["identity-providers", name, "bindings"], queryFn: () => apiGet<{ items: GroupBindingInfo[] }>(`${one(name)}/bindings`) });
}

export function useCreateBinding(name: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: { group: string; workspace: string; project?: string; role: string }) => apiSend<GroupBindingInfo>("POST", `${one(name)}/bindings`, body), onSuccess });
}

export function useDeleteBinding(name: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (id: string) => apiSend<void>("DELETE", `${one(name)}/bindings/${id}`), onSuccess });
}

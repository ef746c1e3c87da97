"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { ApiTokenInfo, LoginRecord, Page, SessionInfo } from "../types";
import { toastMessage } from "../toast";

export function useMySessions() {
  return useQuery({ queryKey: ["me", "sessions"], queryFn: () => apiGet<{ items: SessionInfo[] }>("/api/v1/me/sessions") });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>("DELETE", `/api/v1/me/sessions/${id}`),
    meta: { toast: () => toastMessage("toast.sessionRevoked") },
    onSuccess: () => client.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}

/** "Sign out all other sessions": ends every session but this one. */
export function useRevokeOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<{ revoked: number }>("DELETE", "/api/v1/me/sessions?others=true"),
    meta: { toast: (r: { revoked: number }) => toastMessage("toast.otherSessionsRevoked", { count: r.revoked }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}

export function useMyTokens() {
  return useQuery({ queryKey: ["me", "tokens"], queryFn: () => apiGet<{ items: ApiTokenInfo[] }>("/api/v1/me/tokens") });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) => apiSend<ApiTokenInfo & { token: string }>("POST", "/api/v1/me/tokens", input),
    meta: { toast: (token: ApiTokenInfo) => toastMessage("toast.tokenCreated", { name: token.name }) },
    onSuccess: () => client.invalidateQueries({ queryKey: ["me", "tokens"] }),
  });
}

export function useDeleteToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>("DELETE", `/api/v1/me/tokens/${id}`),
    meta: { toast: () => toastMessage("toast.tokenRevoked") },
    onSuccess: () => client.invalidateQueries({ queryKey: ["me", "tokens"] }),
  });
}

export function useMyLoginRecords(params: Record<string, string> = {}) {
  return useInfiniteQuery({
    queryKey: ["me", "login-records", params],
    queryFn: ({ pageParam }) => apiGet<Page<LoginRecord>>("/api/v1/me/login-records", { limit: 20, cursor: pageParam, ...params }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import type { ApiTokenInfo, LoginRecord, SessionInfo } from "../types";
import { toastMessage } from "../toast";
import { myLoginRecordsList, mySessionsQuery, myTokensQuery } from "../queries";
import { usePagedList } from "./list";
import { useApiQuery } from "./api-query";

export function useMySessions() {
  return useApiQuery<{ items: SessionInfo[] }>(mySessionsQuery);
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
  return useApiQuery<{ items: ApiTokenInfo[] }>(myTokensQuery);
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

export const useMyLoginRecords = (params: Record<string, string> = {}) => usePagedList<LoginRecord>(myLoginRecordsList, params);

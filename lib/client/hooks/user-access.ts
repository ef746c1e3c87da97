"use client";
// A platform admin's view of one user's access: the account, its lock, its sessions and sign-in attempts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { LoginRecord, Page, SessionInfo, User } from "../types";
import { toastMessage } from "../toast";

const userPath = (username: string) => `/api/v1/users/${encodeURIComponent(username)}`;

export function useUser(username: string) {
  return useQuery({ queryKey: ["users", "one", username], queryFn: () => apiGet<User>(userPath(username)) });
}

export function useUserSessions(username: string) {
  return useQuery({ queryKey: ["users", "one", username, "sessions"], queryFn: () => apiGet<{ items: SessionInfo[] }>(`${userPath(username)}/sessions`) });
}

export function useUserLoginRecords(username: string, params: Record<string, string> = {}) {
  return useInfiniteQuery({
    queryKey: ["users", "one", username, "login-records", params],
    queryFn: ({ pageParam }) => apiGet<Page<LoginRecord>>(`${userPath(username)}/login-records`, { limit: 20, cursor: pageParam, ...params }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Everything about users is refetched: the list shows lock state too. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["users"] });
}

export function useEndUserSession(username: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>("DELETE", `${userPath(username)}/sessions/${id}`),
    onSuccess,
    meta: { toast: () => toastMessage("userAccess.sessionEnded") },
  });
}

export function useEndAllUserSessions(username: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: () => apiSend<{ revoked: number }>("DELETE", `${userPath(username)}/sessions`),
    onSuccess,
    meta: { toast: (r: { revoked: number }) => toastMessage("userAccess.sessionsEnded", { count: r.revoked, name: username }) },
  });
}

export function useUnlockUser(username: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: () => apiSend<{ wasLocked: boolean }>("POST", `${userPath(username)}/unlock`),
    onSuccess,
    meta: { toast: () => toastMessage("userAccess.unlocked", { name: username }) },
  });
}

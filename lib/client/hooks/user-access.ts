"use client";
// A platform admin's view of one user's access: the account, its lock, its sessions and sign-in attempts.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import type { LoginRecord, SessionInfo, User } from "../types";
import { userLoginRecordsList, userPath, userQuery, userSessionsQuery } from "../queries";
import { usePagedList } from "./list";
import { toastMessage } from "../toast";
import { useApiQuery } from "./api-query";

export function useUser(username: string) {
  return useApiQuery<User>(userQuery(username));
}

export function useUserSessions(username: string) {
  return useApiQuery<{ items: SessionInfo[] }>(userSessionsQuery(username));
}

export const useUserLoginRecords = (username: string, params: Record<string, string> = {}) => usePagedList<LoginRecord>(userLoginRecordsList(username), params);

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

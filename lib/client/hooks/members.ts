"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import { scopeApi, scopeKey, type AccessScope } from "../access-scope";
import type { ExpiringMember, Member, Page } from "../types";
import { usePagedList } from "./list";
import { expiringMembersQuery, membersList } from "../queries";
import { toastMessage } from "../toast";
import { useApiQuery } from "./api-query";

const membersPath = (scope: AccessScope) => `${scopeApi(scope)}/members`;
const memberPath = (scope: AccessScope, username: string) => `${membersPath(scope)}/${encodeURIComponent(username)}`;

/** `params`: the members list's view (q, sort, role). */
export const useMembers = (scope: AccessScope, params: Record<string, string> = {}) => usePagedList<Member>(membersList(scope), params);

export interface Invitee {
  username: string;
  displayName: string | null;
}

/** Users the caller may add here, by name (the invite form's picker). */
export function useInvitees(scope: AccessScope, q: string) {
  return useInfiniteQuery({
    queryKey: ["invitees", ...scopeKey(scope), q],
    queryFn: ({ pageParam }) => apiGet<Page<Invitee>>(`${scopeApi(scope)}/invitees`, { limit: 10, cursor: pageParam, q }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Membership changes move role member counts and (for workspaces) project memberships too. */
function useInvalidateMembership(scope: AccessScope) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["members"] }),
      client.invalidateQueries({ queryKey: ["roles", ...scopeKey(scope)] }),
      client.invalidateQueries({ queryKey: ["access-review"] }),
    ]);
}

export function useAddMember(scope: AccessScope) {
  const invalidate = useInvalidateMembership(scope);
  return useMutation({
    mutationFn: (input: { username: string; role: string; expiresAt?: string }) => apiSend<Member>("POST", membersPath(scope), input),
    meta: { toast: (m: Member) => toastMessage("toast.memberAdded", { name: m.username }) },
    onSuccess: invalidate,
  });
}

export function useChangeMemberRole(scope: AccessScope) {
  const invalidate = useInvalidateMembership(scope);
  return useMutation({
    mutationFn: ({ username, role }: { username: string; role: string }) => apiSend<Member>("PATCH", memberPath(scope, username), { role }),
    meta: { toast: (m: Member) => toastMessage("toast.roleChanged", { name: m.username, role: m.role }, { role: { role: scope.level } }) },
    onSuccess: invalidate,
  });
}

/** Sets when a member's access ends, or (null) that it never does. */
export function useChangeMemberExpiry(scope: AccessScope) {
  const invalidate = useInvalidateMembership(scope);
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, expiresAt }: { username: string; expiresAt: string | null }) => apiSend<Member>("PATCH", memberPath(scope, username), { expiresAt }),
    meta: { toast: (m: Member) => toastMessage("toast.expiryChanged", { name: m.username }) },
    onSuccess: () => Promise.all([invalidate(), client.invalidateQueries({ queryKey: ["expiring-members"] })]),
  });
}

/** The workspace's memberships that end by themselves, soonest first (its admins' overview). */
export function useExpiringMembers(workspace: string) {
  return useApiQuery<{ items: ExpiringMember[] }>(expiringMembersQuery(workspace));
}

export function useRemoveMember(scope: AccessScope) {
  const invalidate = useInvalidateMembership(scope);
  return useMutation({
    mutationFn: (username: string) => apiSend<void>("DELETE", memberPath(scope, username)),
    meta: { toast: (_: void, username: string) => toastMessage("toast.memberRemoved", { name: username }) },
    onSuccess: invalidate,
  });
}

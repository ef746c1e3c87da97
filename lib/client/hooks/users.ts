"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";
import type { Page, User, UserStatus } from "../types";
import { toastMessage } from "../toast";

export interface UserCreateInput {
  username: string;
  password: string;
  displayName?: string;
  email?: string;
  platformRole?: string;
  mustChangePassword?: boolean;
}

export interface UserPatchInput {
  displayName?: string | null;
  email?: string | null;
  platformRole?: string;
  status?: UserStatus;
  password?: string;
  mustChangePassword?: boolean;
}

const PAGE_SIZE = 50;
const userPath = (username: string) => `/api/v1/users/${encodeURIComponent(username)}`;

export function useUsers(search = "") {
  return useInfiniteQuery({
    queryKey: ["users", "list", search],
    queryFn: ({ pageParam }) => apiGet<Page<User>>("/api/v1/users", { limit: PAGE_SIZE, cursor: pageParam, q: search }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A user's platform role is a binding of a platform role: its member count moves with it. */
function useInvalidateUsers() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ["users"] }), client.invalidateQueries({ queryKey: ["roles", "platform"] })]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreateInput) => apiSend<User>("POST", "/api/v1/users", input),
    onSuccess: invalidate,
    meta: { toast: (user: User) => toastMessage("toast.userCreated", { name: user.username }) },
  });
}

export function useUpdateUser(username: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserPatchInput) => apiSend<User>("PATCH", userPath(username), input),
    onSuccess: invalidate,
    meta: { toast: () => toastMessage("toast.userSaved", { name: username }) },
  });
}

export function useDeleteUser(username: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => apiSend<void>("DELETE", userPath(username)),
    onSuccess: invalidate,
    meta: { toast: () => toastMessage("toast.userDeleted", { name: username }) },
  });
}

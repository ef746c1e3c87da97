"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import type { User, UserStatus } from "../types";
import { usePagedList } from "./list";
import { userPath, usersList } from "../queries";
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


/** `params`: the users list's view (q, sort, status, role, source). */
export const useUsers = (params: Record<string, string> = {}) => usePagedList<User>(usersList, params);

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

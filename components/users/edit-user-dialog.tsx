"use client";
import { useState, type FormEvent } from "react";
import { ApiError, fieldErrors } from "@/lib/client/api";
import { useUpdateUser, type UserPatchInput } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { PlatformRoleField } from "./platform-role-field";

/** Profile, platform role and an optional password reset; only what changed is sent. */
function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const update = useUpdateUser(user.username);
  const [platformRole, setPlatformRole] = useState(user.platformRole);
  const [mustChange, setMustChange] = useState(true);
  const errors = fieldErrors(update.error);
  const problem = update.error instanceof ApiError && update.error.issues.length ? undefined : update.error;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || null;
    const patch: UserPatchInput = {};
    if (text("displayName") !== user.displayName) patch.displayName = text("displayName");
    if (text("email") !== user.email) patch.email = text("email");
    if (platformRole !== user.platformRole) patch.platformRole = platformRole;
    const password = String(form.get("password") ?? "");
    if (password) Object.assign(patch, { password, mustChangePassword: mustChange });
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, { onSuccess: onClose });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="Display name" name="displayName" defaultValue={user.displayName ?? ""} autoComplete="off" error={errors.displayName} />
      <TextField label="Email" name="email" type="email" defaultValue={user.email ?? ""} autoComplete="off" error={errors.email} />
      <PlatformRoleField value={platformRole} onChange={(e) => setPlatformRole(e.target.value)} error={errors.platformRole} />
      <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-inset ring-zinc-200">
        <legend className="px-1 text-sm font-medium text-zinc-800">Reset password</legend>
        <TextField label="New password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="Leave empty to keep the current password." />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
          Require a new password at next sign-in
        </label>
      </fieldset>
      <ProblemAlert error={problem} />
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}

export function EditUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <Dialog open={user !== null} title={`Edit ${user?.username ?? "user"}`} onClose={onClose}>
      {user && <EditUserForm key={user.username} user={user} onClose={onClose} />}
    </Dialog>
  );
}

"use client";
import { useState, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useUpdateUser, type UserPatchInput } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { PlatformRoleField } from "./platform-role-field";

/** Profile, platform role and an optional password reset; only what changed is sent. */
function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser(user.username);
  const [platformRole, setPlatformRole] = useState(user.platformRole);
  const [mustChange, setMustChange] = useState(true);
  const errors = fieldErrors(update.error);
  const problem = formProblem(update.error);

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
      <TextField label={t("ui.displayName")} name="displayName" defaultValue={user.displayName ?? ""} autoComplete="off" error={errors.displayName} />
      <TextField label={t("userAccess.email")} name="email" type="email" defaultValue={user.email ?? ""} autoComplete="off" error={errors.email} />
      <PlatformRoleField value={platformRole} onChange={(e) => setPlatformRole(e.target.value)} error={errors.platformRole} />
      <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-inset ring-zinc-200">
        <legend className="px-1 text-sm font-medium text-zinc-800">{t("users.resetPassword")}</legend>
        <TextField label={t("profile.newPassword")} name="password" type="password" autoComplete="new-password" error={errors.password} hint={t("users.keepPassword")} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
          {t("users.mustChangeNext")}
        </label>
      </fieldset>
      <ProblemAlert error={problem} />
      <FormActions submitLabel={t("ui.save")} pendingLabel={t("ui.saving")} pending={update.isPending} onCancel={onClose} />
    </form>
  );
}

export function EditUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={user !== null} title={user ? t("ui.editNamed", { name: user.username }) : t("users.edit")} onClose={onClose}>
      {user && <EditUserForm key={user.username} user={user} onClose={onClose} />}
    </Dialog>
  );
}

"use client";
import { useState, type FormEvent } from "react";
import { useZodForm } from "@/lib/client/form";
import { platformScope } from "@/lib/client/access-scope";
import { useRoles } from "@/lib/client/hooks/roles";
import { useUpdateUser, type UserPatchInput } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { PlatformRoleField } from "./platform-role-field";
import { RaiseRoleDialog, type RoleRaise } from "@/components/members/raise-role-dialog";
import { gainedPermissions } from "@/components/members/role-change";

const patchSchema = () => import("@/lib/schemas/rbac").then((m) => m.userPatch);

interface EditValues { displayName: string; email: string; platformRole: string; password: string; mustChangePassword: boolean }

/** Profile, platform role and an optional password reset; only what changed is sent. */
function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser(user.username);
  const roles = useRoles(platformScope);
  const [raising, setRaising] = useState<RoleRaise | null>(null);
  const form = useZodForm<EditValues, UserPatchInput>(patchSchema, {
    defaultValues: { displayName: user.displayName ?? "", email: user.email ?? "", platformRole: user.platformRole, password: "", mustChangePassword: true },
    toBody: (v) => {
      const text = (s: string) => s.trim() || null;
      const patch: UserPatchInput = {};
      if (text(v.displayName) !== user.displayName) patch.displayName = text(v.displayName);
      if (text(v.email) !== user.email) patch.email = text(v.email);
      if (v.platformRole !== user.platformRole) patch.platformRole = v.platformRole;
      if (v.password) Object.assign(patch, { password: v.password, mustChangePassword: v.mustChangePassword });
      return patch;
    },
  });
  // Nothing changed: nothing to send.
  const send = { mutateAsync: (patch: UserPatchInput) => (Object.keys(patch).length ? update.mutateAsync(patch) : Promise.resolve(undefined)) };
  const save = form.submit(send, { onSuccess: onClose });
  // A platform role that adds permissions is asked first, as a member's raise is; anything else is saved at once.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const to = form.getValues("platformRole");
    const gained = gainedPermissions(roles.data ?? [], user.platformRole, to);
    if (!gained.length) return save(e);
    e.preventDefault();
    setRaising({ username: user.username, from: user.platformRole, to, gained });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
      <TextField label={t("userAccess.email")} {...form.field("email")} type="email" autoComplete="off" />
      <PlatformRoleField value={form.watch("platformRole")} onChange={(e) => form.setValue("platformRole", e.target.value)} error={form.formState.errors.platformRole?.message} />
      <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-inset ring-zinc-200">
        <legend className="px-1 text-sm font-medium text-zinc-800">{t("users.resetPassword")}</legend>
        <TextField label={t("profile.newPassword")} {...form.field("password")} type="password" autoComplete="new-password" hint={t("users.keepPassword")} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" {...form.register("mustChangePassword")} />
          {t("users.mustChangeNext")}
        </label>
      </fieldset>
      <FormActions submitLabel={t("ui.save")} pendingLabel={t("ui.saving")} pending={form.pending} onCancel={onClose} />
      <RaiseRoleDialog
        scope={platformScope}
        raise={raising}
        onConfirm={() => {
          setRaising(null);
          void save();
        }}
        onClose={() => setRaising(null)}
      />
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

"use client";
import { useState, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/hooks/users";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { PlatformRoleField } from "./platform-role-field";

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateUser();
  const [platformRole, setPlatformRole] = useState("platform-regular");
  const [mustChange, setMustChange] = useState(true);
  const errors = fieldErrors(create.error);
  const problem = formProblem(create.error);

  function close() {
    create.reset();
    setPlatformRole("platform-regular");
    setMustChange(true);
    onClose();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || undefined;
    create.mutate(
      {
        username: text("username") ?? "",
        password: String(form.get("password") ?? ""),
        displayName: text("displayName"),
        email: text("email"),
        platformRole,
        mustChangePassword: mustChange,
      },
      { onSuccess: close },
    );
  }

  return (
    <Dialog open={open} title={t("users.create")} onClose={close}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label={t("auth.username")} name="username" required autoComplete="off" spellCheck={false} error={errors.username} hint={t("ui.nameHintFixed")} />
        <TextField label={t("ui.displayName")} name="displayName" autoComplete="off" error={errors.displayName} />
        <TextField label={t("userAccess.email")} name="email" type="email" autoComplete="off" error={errors.email} />
        <TextField label={t("auth.password")} name="password" type="password" required autoComplete="new-password" error={errors.password} hint={t("users.passwordHint")} />
        <PlatformRoleField value={platformRole} onChange={(e) => setPlatformRole(e.target.value)} error={errors.platformRole} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
          {t("users.mustChangeFirst")}
        </label>
        <ProblemAlert error={problem} />
        <FormActions submitLabel={t("users.create")} pendingLabel={t("ui.creating")} pending={create.isPending} onCancel={close} />
      </form>
    </Dialog>
  );
}

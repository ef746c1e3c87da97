"use client";
import { useZodForm } from "@/lib/client/form";
import { useCreateUser } from "@/lib/client/hooks/users";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { PlatformRoleField } from "./platform-role-field";

const userSchema = () => import("@/lib/schemas/rbac").then((m) => m.userCreate);

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateUser();
  const form = useZodForm(userSchema, {
    defaultValues: { username: "", password: "", displayName: "", email: "", platformRole: "platform-regular", mustChangePassword: true },
  });

  function close() {
    form.reset();
    onClose();
  }

  return (
    <Dialog open={open} title={t("users.create")} onClose={close}>
      <form onSubmit={form.submit(create, { onSuccess: close })} noValidate className="space-y-4">
        <TextField label={t("auth.username")} {...form.field("username")} required autoComplete="off" spellCheck={false} hint={t("ui.nameHintFixed")} />
        <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
        <TextField label={t("userAccess.email")} {...form.field("email")} type="email" autoComplete="off" />
        <TextField label={t("auth.password")} {...form.field("password")} type="password" required autoComplete="new-password" hint={t("users.passwordHint")} />
        {/* Controlled: its options arrive after the form. */}
        <PlatformRoleField value={form.watch("platformRole")} onChange={(e) => form.setValue("platformRole", e.target.value)} error={form.formState.errors.platformRole?.message} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" {...form.register("mustChangePassword")} />
          {t("users.mustChangeFirst")}
        </label>
        <FormActions submitLabel={t("users.create")} pendingLabel={t("ui.creating")} pending={form.pending} onCancel={close} />
      </form>
    </Dialog>
  );
}

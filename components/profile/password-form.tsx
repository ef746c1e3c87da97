"use client";
import { useCallback } from "react";
import { apiSend } from "@/lib/client/api";
import { useZodForm } from "@/lib/client/form";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const change = { mutateAsync: (body: { currentPassword: string; newPassword: string }) => apiSend("POST", "/api/v1/me/password", body) };

/** Change one's own password; the server applies the policy and ends the other sessions. */
export function PasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  // The route's body, and the new password typed twice alike.
  const schema = useCallback(
    () =>
      import("@/lib/schemas/identity").then(({ passwordChange }) =>
        passwordChange.extend({ confirm: passwordChange.shape.currentPassword }).strict().refine((v) => v.newPassword === v.confirm, { message: t("profile.mismatch"), path: ["confirm"] }),
      ),
    [t],
  );
  const form = useZodForm(schema, { defaultValues: { currentPassword: "", newPassword: "", confirm: "" } });
  const onSubmit = form.submit(change, { variables: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }), onSuccess: onDone });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label={t("profile.currentPassword")} {...form.field("currentPassword")} type="password" autoComplete="current-password" required />
      <TextField label={t("profile.newPassword")} {...form.field("newPassword")} type="password" autoComplete="new-password" required minLength={12} hint={t("profile.newPasswordHint")} />
      <TextField label={t("profile.confirmPassword")} {...form.field("confirm")} type="password" autoComplete="new-password" required />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t("ui.saving") : t("profile.changePassword")}
      </Button>
    </form>
  );
}

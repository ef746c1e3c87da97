"use client";
import { useState, type FormEvent } from "react";
import { apiSend, ApiError } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

/** Change one's own password; the server applies the policy and ends the other sessions. */
export function PasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== form.get("confirm")) return setErrors({ confirm: t("profile.mismatch") });
    setPending(true);
    setErrors({});
    try {
      await apiSend("POST", "/api/v1/me/password", { currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
      onDone();
    } catch (err) {
      const issues = err instanceof ApiError ? err.issues : [];
      setErrors(issues.length ? Object.fromEntries(issues.map((i) => [i.path, i.message])) : { form: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <TextField label={t("profile.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField
        label={t("profile.newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t("profile.newPasswordHint")}
        error={errors.newPassword}
      />
      <TextField label={t("profile.confirmPassword")} name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      <FormError message={errors.form} />
      <Button type="submit" disabled={pending}>
        {pending ? t("ui.saving") : t("profile.changePassword")}
      </Button>
    </form>
  );
}

"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { SignInProvider } from "./provider-buttons";
import { useT } from "@/lib/i18n/client";

const subscribeNothing = () => () => {};

/** Username and password, checked locally or (when chosen) by an LDAP directory. */
export function LoginForm({ callbackUrl, directories = [], error: initialError }: { callbackUrl: string; directories?: SignInProvider[]; error?: string }) {
  const t = useT();
  const router = useRouter();
  // False in the server HTML, true once hydrated: until then a click would submit the form natively.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const directory = String(form.get("directory") ?? "");
    const result = await signIn(directory ? `ldap-${directory}` : "credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.push(callbackUrl || "/");
      router.refresh();
      return;
    }
    setPending(false);
    setError(t("auth.invalid"));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-zinc-200">
      {directories.length > 0 && (
        <SelectField label={t("auth.account")} name="directory" defaultValue="">
          <option value="">{t("auth.localAccount")}</option>
          {directories.map((d) => (
            <option key={d.name} value={d.name}>
              {d.displayName || d.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t("auth.username")} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
      <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
      <FormError message={error} />
      <Button type="submit" className="w-full" disabled={!hydrated || pending}>
        {pending ? t("auth.signingIn") : t("auth.signIn")}
      </Button>
    </form>
  );
}

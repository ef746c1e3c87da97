"use client";
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client/api";
import { useCreateProvider, useTestDraft, useUpdateProvider, type ProviderInput, type TestResult } from "@/lib/client/hooks/identity";
import type { IdentityProviderInfo } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextAreaField, TextField } from "@/components/ui/field";

// [config key, label, placeholder]: the placeholders are examples of values, the same in every language.
const OIDC_FIELDS = [
  ["issuer", "idp.field.issuer", "https://idp.example.com/realms/main"],
  ["clientId", "idp.field.clientId", ""],
  ["scopes", "idp.field.scopes", "openid email profile"],
  ["usernameClaim", "idp.field.usernameClaim", "preferred_username"],
  ["emailClaim", "idp.field.emailClaim", "email"],
  ["nameClaim", "idp.field.nameClaim", "name"],
  ["groupsClaim", "idp.field.groupsClaim", "groups"],
] as const satisfies readonly (readonly [string, MessageKey, string])[];
const LDAP_FIELDS = [
  ["url", "idp.field.url", "ldaps://ldap.example.com"],
  ["bindDn", "idp.field.bindDn", "cn=reader,dc=example,dc=com"],
  ["userBase", "idp.field.userBase", "ou=people,dc=example,dc=com"],
  ["userFilter", "idp.field.userFilter", "(uid={username})"],
  ["usernameAttribute", "idp.field.usernameAttribute", "uid"],
  ["emailAttribute", "idp.field.emailAttribute", "mail"],
  ["nameAttribute", "idp.field.nameAttribute", "cn"],
  ["groupBase", "idp.field.groupBase", "ou=groups,dc=example,dc=com"],
  ["groupFilter", "idp.field.groupFilter", "(member={dn})"],
  ["groupNameAttribute", "idp.field.groupNameAttribute", "cn"],
] as const satisfies readonly (readonly [string, MessageKey, string])[];

/** A test connection's answer, for the form and the provider's card. */
export function TestResultLine({ result }: { result: TestResult | undefined }) {
  const t = useT();
  if (!result) return null;
  return (
    <p role="status" className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
      {t(result.ok ? "idp.testOk" : "idp.testFailed", { message: result.message })}
    </p>
  );
}

/**
 * Adds an OIDC or LDAP provider, or edits `provider`. Empty fields take the server's defaults; when editing,
 * a blank secret keeps the stored one. "Test connection" tries the form as it stands, before saving.
 */
export function ProviderForm({ provider, onDone }: { provider?: IdentityProviderInfo; onDone: () => void }) {
  const t = useT();
  const [type, setType] = useState<"oidc" | "ldap">(provider?.type ?? "oidc");
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const test = useTestDraft();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saved = (k: string) => (provider ? String(provider.config[k] ?? "") : undefined);

  function body(): ProviderInput {
    const f = new FormData(form.current!);
    const fields = type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS;
    const config: Record<string, unknown> = Object.fromEntries(fields.map(([k]) => [k, String(f.get(k) ?? "").trim()]).filter(([, v]) => v));
    if (type === "ldap")
      Object.assign(config, { startTls: f.get("startTls") === "on", insecureSkipVerify: f.get("insecureSkipVerify") === "on", caCert: String(f.get("caCert") ?? "").trim() });
    const secret = String(f.get("secret") ?? "");
    return {
      name: provider?.name ?? String(f.get("name")),
      displayName: String(f.get("displayName") ?? "") || undefined,
      type,
      enabled: f.get("enabled") === "on",
      mappingMethod: String(f.get("mappingMethod")),
      config,
      ...(secret ? { secret } : {}),
    };
  }

  function showProblem(err: unknown) {
    const issues = err instanceof ApiError ? err.issues : [];
    setErrors(issues.length ? Object.fromEntries(issues.map((i) => [i.path.replace(/^config\./, ""), i.message])) : { form: (err as Error).message });
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    try {
      await (provider ? update : create).mutateAsync(body());
      onDone();
    } catch (err) {
      showProblem(err);
    }
  }

  function onTest() {
    const b = body();
    if (!b.name) return setErrors({ name: t("field.required") });
    setErrors({});
    test.mutate(b, { onError: showProblem });
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      <SelectField label={t("idp.type")} value={type} disabled={!!provider} onChange={(e) => setType(e.target.value as "oidc" | "ldap")}>
        <option value="oidc">OpenID Connect</option>
        <option value="ldap">LDAP / Active Directory</option>
      </SelectField>
      <SelectField label={t("idp.users")} name="mappingMethod" defaultValue={provider?.mappingMethod ?? "auto"}>
        <option value="auto">{t("idp.mapAuto")}</option>
        <option value="lookup">{t("idp.mapLookup")}</option>
      </SelectField>
      <TextField label={t("common.name")} name="name" required readOnly={!!provider} defaultValue={provider?.name} error={errors.name} hint={t("ui.nameHint")} />
      <TextField label={t("ui.displayName")} name="displayName" defaultValue={provider?.displayName ?? undefined} error={errors.displayName} />
      {(type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS).map(([k, label, placeholder]) => (
        <TextField key={`${type}-${k}`} label={t(label)} name={k} placeholder={placeholder} defaultValue={saved(k)} error={errors[k]} />
      ))}
      <TextField
        label={t(type === "oidc" ? "idp.clientSecret" : "idp.servicePassword")}
        name="secret"
        type="password"
        autoComplete="off"
        hint={provider?.hasSecret ? t("idp.secretKept") : undefined}
        error={errors.secret}
      />
      {type === "ldap" && (
        <>
          <TextAreaField label={t("idp.caCert")} name="caCert" rows={3} defaultValue={saved("caCert")} hint={t("idp.caCertHint")} error={errors.caCert} className="font-mono text-xs" />
          <div className="flex items-center gap-6 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="startTls" defaultChecked={provider?.config.startTls === true} /> StartTLS
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="insecureSkipVerify" defaultChecked={provider?.config.insecureSkipVerify === true} /> {t("idp.skipVerify")}
            </label>
          </div>
        </>
      )}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="enabled" defaultChecked={provider?.enabled ?? true} /> {t("idp.enabledOnSignIn")}
      </label>
      <div className="space-y-3 sm:col-span-2">
        <FormError message={errors.form} />
        <TestResultLine result={test.data} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={create.isPending || update.isPending}>
            {provider ? t("ui.save") : t("idp.add")}
          </Button>
          <Button variant="secondary" onClick={onTest} disabled={test.isPending}>
            {test.isPending ? t("idp.testing") : t("idp.test")}
          </Button>
        </div>
      </div>
    </form>
  );
}

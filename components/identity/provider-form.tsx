"use client";
import { useZodForm } from "@/lib/client/form";
import { TestResultLine } from "./test-result-line";
import { useCreateProvider, useTestDraft, useUpdateProvider, type ProviderInput } from "@/lib/client/hooks/identity";
import type { IdentityProviderInfo } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { word } from "@/lib/i18n/words";

const providerSchema = () => import("@/lib/schemas/identity").then((m) => m.providerBody);

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

type ProviderValues = Record<string, string | boolean> & { type: "oidc" | "ldap"; enabled: boolean; startTls: boolean; insecureSkipVerify: boolean };

/**
 * Adds an OIDC or LDAP provider, or edits `provider`. Empty fields take the server's defaults; when editing,
 * a blank secret keeps the stored one. "Test connection" tries the form as it stands, before saving.
 */
export function ProviderForm({ provider, onDone }: { provider?: IdentityProviderInfo; onDone: () => void }) {
  const t = useT();
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const test = useTestDraft();
  const saved = (k: string) => String(provider?.config[k] ?? "");
  const configKeys = [...OIDC_FIELDS, ...LDAP_FIELDS].map(([k]) => k as string);
  const form = useZodForm<ProviderValues, ProviderInput>(providerSchema, {
    defaultValues: {
      ...Object.fromEntries([...configKeys, "caCert"].map((k) => [k, saved(k)])),
      type: provider?.type ?? "oidc",
      mappingMethod: provider?.mappingMethod ?? "auto",
      name: provider?.name ?? "",
      displayName: provider?.displayName ?? "",
      secret: "",
      enabled: provider?.enabled ?? true,
      startTls: provider?.config.startTls === true,
      insecureSkipVerify: provider?.config.insecureSkipVerify === true,
    },
    toBody: (v) => {
      const text = (k: string) => String(v[k] ?? "").trim();
      const fields = v.type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS;
      const config: Record<string, unknown> = Object.fromEntries(fields.map(([k]) => [k, text(k)]).filter(([, value]) => value));
      if (v.type === "ldap") Object.assign(config, { startTls: v.startTls, insecureSkipVerify: v.insecureSkipVerify, caCert: text("caCert") });
      return { name: text("name"), displayName: text("displayName") || undefined, type: v.type, enabled: v.enabled, mappingMethod: v.mappingMethod, config, ...(v.secret ? { secret: v.secret } : {}) };
    },
    fieldOf: (path) => {
      const name = path.replace(/^config\./, "").split(".")[0]!;
      return [...configKeys, "caCert", "startTls", "name", "displayName", "secret", "mappingMethod"].includes(name) ? name : undefined;
    },
  });
  const type = form.watch("type");
  const onTest = form.submit(test);

  return (
    <form onSubmit={form.submit({ mutateAsync: (body: ProviderInput) => (provider ? update : create).mutateAsync(body) }, { onSuccess: onDone })} noValidate className="grid gap-4 sm:grid-cols-2">
      <SelectField label={t("idp.type")} disabled={!!provider} {...form.field("type")}>
        <option value="oidc">{word(t, "providerKind", "oidc")}</option>
        <option value="ldap">{word(t, "providerKind", "ldap")}</option>
      </SelectField>
      <SelectField label={t("idp.users")} {...form.field("mappingMethod")}>
        <option value="auto">{t("idp.mapAuto")}</option>
        <option value="lookup">{t("idp.mapLookup")}</option>
      </SelectField>
      <TextField label={t("common.name")} required readOnly={!!provider} hint={t("ui.nameHint")} {...form.field("name")} />
      <TextField label={t("ui.displayName")} {...form.field("displayName")} />
      {(type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS).map(([k, label, placeholder]) => (
        <TextField key={`${type}-${k}`} label={t(label)} placeholder={placeholder} {...form.field(k)} />
      ))}
      <TextField
        label={t(type === "oidc" ? "idp.clientSecret" : "idp.servicePassword")}
        type="password"
        autoComplete="off"
        hint={provider?.hasSecret ? t("idp.secretKept") : undefined}
        {...form.field("secret")}
      />
      {type === "ldap" && (
        <>
          <TextAreaField label={t("idp.caCert")} rows={3} hint={t("idp.caCertHint")} className="font-mono text-xs" {...form.field("caCert")} />
          <div className="space-y-1">
            <div className="flex items-center gap-6 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" {...form.register("startTls")} /> StartTLS
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" {...form.register("insecureSkipVerify")} /> {t("idp.skipVerify")}
              </label>
            </div>
            {form.formState.errors.startTls?.message && <p className="text-xs text-red-600">{form.formState.errors.startTls.message}</p>}
          </div>
        </>
      )}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("enabled")} /> {t("idp.enabledOnSignIn")}
      </label>
      <div className="space-y-3 sm:col-span-2">
        <TestResultLine result={test.data} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.pending}>
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

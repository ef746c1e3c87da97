"use client";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client/api";
import { useCreateProvider } from "@/lib/client/hooks/identity";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";

const OIDC_FIELDS = [
  ["issuer", "Issuer URL", "https://idp.example.com/realms/main"],
  ["clientId", "Client ID", ""],
  ["scopes", "Scopes", "openid email profile"],
  ["usernameClaim", "Username claim", "preferred_username"],
  ["emailClaim", "Email claim", "email"],
  ["nameClaim", "Display name claim", "name"],
  ["groupsClaim", "Groups claim", "groups"],
] as const;
const LDAP_FIELDS = [
  ["url", "Server URL", "ldaps://ldap.example.com"],
  ["bindDn", "Service account DN", "cn=reader,dc=example,dc=com"],
  ["userBase", "User search base", "ou=people,dc=example,dc=com"],
  ["userFilter", "User filter", "(uid={username})"],
  ["usernameAttribute", "Username attribute", "uid"],
  ["emailAttribute", "Email attribute", "mail"],
  ["nameAttribute", "Display name attribute", "cn"],
  ["groupBase", "Group search base", "ou=groups,dc=example,dc=com"],
  ["groupFilter", "Group filter", "(member={dn})"],
  ["groupNameAttribute", "Group name attribute", "cn"],
] as const;

/** Adds an OIDC or LDAP provider; empty fields take the server's defaults. */
export function ProviderForm({ onDone }: { onDone: () => void }) {
  const [type, setType] = useState<"oidc" | "ldap">("oidc");
  const create = useCreateProvider();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const fields = type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS;
    const config: Record<string, unknown> = Object.fromEntries(fields.map(([k]) => [k, String(f.get(k) ?? "").trim()]).filter(([, v]) => v));
    if (type === "ldap") Object.assign(config, { startTls: f.get("startTls") === "on", insecureSkipVerify: f.get("insecureSkipVerify") === "on" });
    const secret = String(f.get("secret") ?? "");
    try {
      await create.mutateAsync({
        name: String(f.get("name")),
        displayName: String(f.get("displayName") ?? "") || undefined,
        type,
        mappingMethod: String(f.get("mappingMethod")),
        config,
        ...(secret ? { secret } : {}),
      });
      onDone();
    } catch (err) {
      const issues = err instanceof ApiError ? err.issues : [];
      setErrors(issues.length ? Object.fromEntries(issues.map((i) => [i.path.replace(/^config\./, ""), i.message])) : { form: (err as Error).message });
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as "oidc" | "ldap")}>
        <option value="oidc">OpenID Connect</option>
        <option value="ldap">LDAP / Active Directory</option>
      </SelectField>
      <SelectField label="Users" name="mappingMethod" defaultValue="auto">
        <option value="auto">Create on first sign-in</option>
        <option value="lookup">Only existing users</option>
      </SelectField>
      <TextField label="Name" name="name" required error={errors.name} hint="Lowercase letters, digits and '-'." />
      <TextField label="Display name" name="displayName" error={errors.displayName} />
      {(type === "oidc" ? OIDC_FIELDS : LDAP_FIELDS).map(([k, label, placeholder]) => (
        <TextField key={`${type}-${k}`} label={label} name={k} placeholder={placeholder} error={errors[k]} />
      ))}
      <TextField label={type === "oidc" ? "Client secret" : "Service account password"} name="secret" type="password" autoComplete="off" error={errors.secret} />
      {type === "ldap" && (
        <div className="flex items-center gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="startTls" /> StartTLS
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="insecureSkipVerify" /> Skip certificate check
          </label>
        </div>
      )}
      <div className="sm:col-span-2">
        <FormError message={errors.form} />
        <Button type="submit" disabled={create.isPending}>
          Add provider
        </Button>
      </div>
    </form>
  );
}

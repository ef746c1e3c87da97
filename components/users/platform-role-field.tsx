"use client";
import type { SelectHTMLAttributes } from "react";
import { platformScope } from "@/lib/client/access-scope";
import { useRoles } from "@/lib/client/hooks/roles";
import { useT } from "@/lib/i18n/client";
import { SelectField } from "@/components/ui/field";
import { RoleOptions } from "@/components/members/role-options";
import { useHeldPermissions } from "@/components/roles/use-held-permissions";

/** The platform roles (built-in and custom) as a select, marking those the caller can't grant. */
export function PlatformRoleField({ error, ...props }: { error?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const t = useT();
  const roles = useRoles(platformScope);
  const permissions = useHeldPermissions(platformScope);
  const held = new Set(permissions.data?.permissions ?? []);
  return (
    <SelectField label={t("userAccess.platformRole")} error={error ?? (roles.isError ? t("users.rolesError") : undefined)} disabled={!roles.data} {...props}>
      {roles.data ? <RoleOptions roles={roles.data} held={held} /> : <option value={props.value ?? props.defaultValue}>{String(props.value ?? props.defaultValue ?? "")}</option>}
    </SelectField>
  );
}

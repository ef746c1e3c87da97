"use client";
import type { Role } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { useWords } from "@/lib/i18n/use-words";

/** Whether the caller holds every permission of the role, i.e. may grant it (the BFF has the last word). */
export const canGrant = (role: Role, held: Set<string>) => role.templates.every((t) => held.has(t));

/** <option>s for a role select: built-in first, custom after, each marked when the caller can't grant it. */
export function RoleOptions({ roles, held }: { roles: Role[]; held: Set<string> }) {
  const t = useT();
  const words = useWords();
  // The name in the console's language, with the name the API takes (the option's value) when that differs.
  const label = (r: Role) => (words.role(r.level, r.name) === r.name ? r.name : `${words.role(r.level, r.name)} (${r.name})`);
  const groups = [
    { label: t("roles.builtIn"), roles: roles.filter((r) => r.builtIn) },
    { label: t("roles.custom"), roles: roles.filter((r) => !r.builtIn) },
  ].filter((g) => g.roles.length);
  return groups.map((g) => (
    <optgroup key={g.label} label={g.label}>
      {g.roles.map((r) => (
        <option key={r.name} value={r.name}>
          {label(r)}
          {canGrant(r, held) ? "" : t("members.needsPermissions")}
        </option>
      ))}
    </optgroup>
  ));
}

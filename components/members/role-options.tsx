import type { Role } from "@/lib/client/types";

/** Whether the caller holds every permission of the role, i.e. may grant it (the BFF has the last word). */
export const canGrant = (role: Role, held: Set<string>) => role.templates.every((t) => held.has(t));

/** <option>s for a role select: built-in first, custom after, each marked when the caller can't grant it. */
export function RoleOptions({ roles, held }: { roles: Role[]; held: Set<string> }) {
  const groups = [
    { label: "Built-in", roles: roles.filter((r) => r.builtIn) },
    { label: "Custom", roles: roles.filter((r) => !r.builtIn) },
  ].filter((g) => g.roles.length);
  return groups.map((g) => (
    <optgroup key={g.label} label={g.label}>
      {g.roles.map((r) => (
        <option key={r.name} value={r.name}>
          {r.name}
          {canGrant(r, held) ? "" : " (needs permissions you don't hold)"}
        </option>
      ))}
    </optgroup>
  ));
}

import type { Role } from "@/lib/client/types";

/**
 * The permissions a member would hold with `to` that `from` did not give: none for a lowering or a sideways move,
 * which apply at once; some for a raise, which is asked first. An unknown current role counts as holding nothing.
 */
export function gainedPermissions(roles: Role[], from: string | undefined, to: string): string[] {
  const target = roles.find((r) => r.name === to);
  if (!target || from === to) return [];
  const had = new Set(roles.find((r) => r.name === from)?.templates ?? []);
  return target.templates.filter((t) => !had.has(t)).sort();
}

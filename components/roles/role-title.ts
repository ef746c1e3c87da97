import type { Role } from "@/lib/client/types";
import type { Locale } from "@/lib/i18n";
import { builtinRole } from "@/lib/rbac/catalogue";

/** A role's display name; a built-in role's in the viewer's language (the API sends the English one). */
export const roleTitle = (role: Role, locale: Locale): string | null =>
  (role.builtIn && builtinRole(role.level, role.name)?.displayName[locale]) || role.displayName;

import { authorize, type Principal, type Scope } from "./authorize";
import { templates, type Permission } from "./catalogue";

/** Every template the principal holds at the scope (and, for platform, above it). */
export function effectivePermissions(principal: Principal, scope: Scope): Permission[] {
  return templates.filter((t) => authorize(principal, t.name, scope).allowed).map((t) => t.name);
}

// No one grants what they don't hold (Kubernetes' Covers rule), checked at the scope of the grant.
import { AppError } from "../api/errors";
import { missingPermissions, type Principal, type Scope } from "./authorize";
import { templates, type Level } from "./catalogue";
import { effectivePermissions } from "./effective";

export function assertCovers(actor: Principal, level: Level, scope: Scope, granted: Iterable<string>): void {
  const held = new Set(effectivePermissions(actor, scope).filter((p) => templates.some((t) => t.name === p && t.level === level)));
  const missing = missingPermissions(held, granted);
  if (missing.length)
    throw new AppError(403, "escalation", `You cannot grant permissions you do not hold here: ${missing.join(", ")}.`, [], { missing });
}

import { route } from "@/lib/api/route";
import { effectivePermissions } from "@/lib/rbac/effective";
import { meOut } from "@/lib/schemas/responses";
import { timeBoundMemberships } from "@/lib/tenancy/expiry";

export const GET = route({ action: "me.get", permission: "authenticated", resource: "users", duringPasswordChange: true, response: meOut }, async ({ user, principal }) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  platformRole: user.platformRole,
  mustChangePassword: user.mustChangePassword,
  permissions: effectivePermissions(principal, {}),
  /** The caller's memberships that end by themselves, soonest first; `endsSoon` within the warning time. */
  expiringMemberships: (await timeBoundMemberships({ userId: user.id })).map(({ workspace, project, role, expiresAt, endsSoon }) => ({ workspace, project, role, expiresAt, endsSoon })),
}));

export * from "@/lib/api/unanswered";

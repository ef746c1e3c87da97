import { route } from "@/lib/api/route";
import { effectivePermissions } from "@/lib/rbac/effective";
import { meOut } from "@/lib/schemas/responses";

export const GET = route({ action: "me.get", permission: "authenticated", resource: "users", duringPasswordChange: true, response: meOut }, async ({ user, principal }) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  platformRole: user.platformRole,
  mustChangePassword: user.mustChangePassword,
  permissions: effectivePermissions(principal, {}),
}));

import { route } from "@/lib/api/route";
import { userParams } from "@/lib/schemas/rbac";
import { unlockUser } from "@/lib/identity/lockout";
import { assertCoversUser } from "@/lib/rbac/covers-principal";

export const POST = route(
  { action: "user.unlock", permission: "users.manage", resource: "users", params: userParams, target: (p) => ({ name: p.username }) },
  async ({ params, principal }) => {
    await assertCoversUser(principal, params.username);
    return unlockUser(params.username);
  },
);

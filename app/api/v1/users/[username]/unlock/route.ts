import { route } from "@/lib/api/route";
import { userParams } from "@/lib/schemas/rbac";
import { unlockUser } from "@/lib/identity/lockout";
import { assertCoversUser } from "@/lib/rbac/covers-principal";
import { unlockOut } from "@/lib/schemas/responses";

export const POST = route(
  { action: "user.unlock", permission: "users.manage", resource: "users", params: userParams, target: (p) => ({ name: p.username }), response: unlockOut },
  async ({ params, principal }) => {
    await assertCoversUser(principal, params.username);
    return unlockUser(params.username);
  },
);

export * from "@/lib/api/unanswered";

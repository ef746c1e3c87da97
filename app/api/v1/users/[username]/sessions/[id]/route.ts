import { route } from "@/lib/api/route";
import { userParams } from "@/lib/schemas/rbac";
import { idParams } from "@/lib/schemas/identity";
import { revokeSession } from "@/lib/identity/sessions";
import { userIdOf } from "@/lib/identity/lookup";

/** An admin ends one of a user's sessions. */
export const DELETE = route(
  { action: "user.session.revoke", permission: "users.manage", resource: "sessions", params: userParams.extend(idParams.shape), status: 204, target: (p) => ({ name: p.username }) },
  async ({ params }) => revokeSession(await userIdOf(params.username), params.id),
);

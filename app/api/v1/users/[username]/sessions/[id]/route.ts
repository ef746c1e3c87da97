import { route } from "@/lib/api/route";
import { userParams } from "@/lib/schemas/rbac";
import { idParams } from "@/lib/schemas/identity";
import { revokeSession } from "@/lib/identity/sessions";
import { assertCoversUser } from "@/lib/rbac/covers-principal";

/** An admin ends one of a user's sessions (one who covers everything the user holds). */
export const DELETE = route(
  { action: "user.session.revoke", permission: "users.manage", resource: "sessions", params: userParams.extend(idParams.shape), status: 204, target: (p) => ({ name: p.username }) },
  async ({ params, principal }) => revokeSession(await assertCoversUser(principal, params.username), params.id),
);

export * from "@/lib/api/unanswered";

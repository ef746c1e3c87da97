import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/identity";
import { deleteToken } from "@/lib/identity/tokens";

export const DELETE = route(
  { action: "token.revoke", permission: "authenticated", resource: "tokens", params: idParams, status: 204 },
  async ({ user, params, target }) => {
    target.name = (await deleteToken(user.id, params.id)).name;
  },
);

export * from "@/lib/api/unanswered";

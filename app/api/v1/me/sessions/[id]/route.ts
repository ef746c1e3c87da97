import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/identity";
import { revokeSession } from "@/lib/identity/sessions";

/** End one of one's own sessions (the current one too: that is signing out elsewhere's twin). */
export const DELETE = route(
  { action: "session.revoke", permission: "authenticated", resource: "sessions", params: idParams, status: 204, target: (p) => ({ name: p.id }) },
  async ({ user, params }) => revokeSession(user.id, params.id),
);

export * from "@/lib/api/unanswered";

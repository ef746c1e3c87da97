import { route } from "@/lib/api/route";
import { passwordChange } from "@/lib/schemas/identity";
import { changeOwnPassword } from "@/lib/identity/accounts";
import { currentSessionId } from "@/lib/auth/session";

/** Change one's own password (the current one required); ends one's other sessions. */
export const POST = route(
  { action: "user.password.change", permission: "authenticated", resource: "users", body: passwordChange, status: 204, duringPasswordChange: true },
  async ({ user, body, target }) => {
    target.name = user.username;
    await changeOwnPassword(user, body.currentPassword, body.newPassword, await currentSessionId());
  },
);

export * from "@/lib/api/unanswered";

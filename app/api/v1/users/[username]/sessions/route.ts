import { route } from "@/lib/api/route";
import { userParams } from "@/lib/schemas/rbac";
import { listSessions, revokeAllSessions } from "@/lib/identity/sessions";
import { userIdOf } from "@/lib/identity/lookup";
import { assertCoversUser } from "@/lib/rbac/covers-principal";
import { listOf, revokedOut, sessionOut } from "@/lib/schemas/responses";

const base = { resource: "sessions", params: userParams, target: (p: { username: string }) => ({ name: p.username }) } as const;

export const GET = route({ ...base, action: "user.sessions", permission: "users.view", response: listOf(sessionOut) }, async ({ params }) => ({
  items: await listSessions(await userIdOf(params.username)),
}));

/** An admin ends all of a user's sessions (one who covers everything the user holds). */
export const DELETE = route({ ...base, action: "user.sessions.revoke", permission: "users.manage", response: revokedOut }, async ({ params, principal }) => ({
  revoked: await revokeAllSessions(await assertCoversUser(principal, params.username)),
}));

export * from "@/lib/api/unanswered";

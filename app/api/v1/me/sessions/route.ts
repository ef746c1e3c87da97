import { route } from "@/lib/api/route";
import { z } from "zod";
import { listSessions, revokeAllSessions } from "@/lib/identity/sessions";
import { currentSessionId } from "@/lib/auth/session";
import { listOf, revokedOut, sessionOut } from "@/lib/schemas/responses";

export const GET = route({ action: "me.sessions", permission: "authenticated", resource: "sessions", response: listOf(sessionOut) }, async ({ user }) => ({
  items: await listSessions(user.id, (await currentSessionId()) ?? undefined),
}));

/** "Sign out all other sessions": every session of the caller's but the one making this request (`?others=true`, said explicitly). */
export const DELETE = route(
  { action: "me.sessions.revoke-others", permission: "authenticated", resource: "sessions", query: z.object({ others: z.literal("true") }), response: revokedOut },
  async ({ user }) => ({ revoked: await revokeAllSessions(user.id, (await currentSessionId()) ?? undefined) }),
);

export * from "@/lib/api/unanswered";

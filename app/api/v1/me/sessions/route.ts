import { route } from "@/lib/api/route";
import { listSessions } from "@/lib/identity/sessions";
import { currentSessionId } from "@/lib/auth/session";
import { listOf, sessionOut } from "@/lib/schemas/responses";

export const GET = route({ action: "me.sessions", permission: "authenticated", resource: "sessions", response: listOf(sessionOut) }, async ({ user }) => ({
  items: await listSessions(user.id, (await currentSessionId()) ?? undefined),
}));

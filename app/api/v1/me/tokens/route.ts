import { route } from "@/lib/api/route";
import { tokenCreate } from "@/lib/schemas/identity";
import { createToken, listTokens } from "@/lib/identity/tokens";
import { listOf, tokenCreatedOut, tokenOut } from "@/lib/schemas/responses";

export const GET = route({ action: "token.list", permission: "authenticated", resource: "tokens", response: listOf(tokenOut) }, async ({ user }) => ({ items: await listTokens(user.id) }));

/** The token is in this answer only; it is stored hashed. */
export const POST = route(
  { action: "token.create", permission: "authenticated", resource: "tokens", body: tokenCreate, status: 201, response: tokenCreatedOut, target: (_p, b) => ({ name: b.name }) },
  async ({ user, body }) => createToken(user.id, body),
);

export * from "@/lib/api/unanswered";

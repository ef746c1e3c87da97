import { route } from "@/lib/api/route";
import { userListQuery } from "@/lib/schemas/lists";
import { userCreate } from "@/lib/schemas/rbac";
import { createUser, listUsers } from "@/lib/tenancy/users";
import { pageOf, userOut } from "@/lib/schemas/responses";

export const GET = route({ action: "user.list", permission: "users.view", resource: "users", query: userListQuery, response: pageOf(userOut) }, async ({ query }) => listUsers(query));

export const POST = route(
  { action: "user.create", permission: "users.manage", resource: "users", body: userCreate, status: 201, response: userOut, target: (_p, b) => ({ name: b.username }) },
  async ({ body, principal }) => createUser(principal, body),
);

export * from "@/lib/api/unanswered";

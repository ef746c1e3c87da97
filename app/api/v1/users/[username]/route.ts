import { route } from "@/lib/api/route";
import { userParams, userPatch } from "@/lib/schemas/rbac";
import { deleteUser, getUser, updateUser } from "@/lib/tenancy/users";
import { userOut } from "@/lib/schemas/responses";

const base = { resource: "users", params: userParams, target: (p: { username: string }) => ({ name: p.username }) } as const;

export const GET = route({ ...base, action: "user.get", permission: "users.view", response: userOut }, async ({ params }) => getUser(params.username));

export const PATCH = route({ ...base, action: "user.update", permission: "users.manage", body: userPatch, response: userOut }, async ({ params, body, principal }) =>
  updateUser(principal, params.username, body),
);

export const DELETE = route({ ...base, action: "user.delete", permission: "users.manage", status: 204 }, async ({ params, principal }) => {
  await deleteUser(principal, params.username);
});

export * from "@/lib/api/unanswered";

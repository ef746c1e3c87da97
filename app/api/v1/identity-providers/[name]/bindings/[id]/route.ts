import { route } from "@/lib/api/route";
import { groupBindingOut } from "@/lib/schemas/responses";
import { bindingParams, bindingPatch } from "@/lib/schemas/identity";
import { changeBinding, deleteBinding } from "@/lib/identity/group-bindings";

const base = { resource: "groupbindings", params: bindingParams, target: (p: { id: string }) => ({ name: p.id }) } as const;

export const PATCH = route({ ...base, action: "group-binding.update", permission: "settings.manage", body: bindingPatch, response: groupBindingOut }, async ({ params, body, principal }) =>
  changeBinding(principal, params.name, params.id, body.expiresAt),
);

export const DELETE = route({ ...base, action: "group-binding.delete", permission: "settings.manage", status: 204 }, async ({ params, principal }) =>
  deleteBinding(principal, params.name, params.id),
);

export * from "@/lib/api/unanswered";

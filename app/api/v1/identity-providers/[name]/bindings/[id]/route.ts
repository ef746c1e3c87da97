import { route } from "@/lib/api/route";
import { bindingParams } from "@/lib/schemas/identity";
import { deleteBinding } from "@/lib/identity/group-bindings";

export const DELETE = route(
  { action: "group-binding.delete", permission: "settings.manage", resource: "groupbindings", params: bindingParams, status: 204, target: (p) => ({ name: p.id }) },
  async ({ params, principal }) => deleteBinding(principal, params.name, params.id),
);

import { route } from "@/lib/api/route";
import { groupBindingOut, listOf } from "@/lib/schemas/responses";
import { bindingBody, providerParams } from "@/lib/schemas/identity";
import { createBinding, listBindings } from "@/lib/identity/group-bindings";

const base = { resource: "groupbindings", params: providerParams } as const;

export const GET = route({ ...base, action: "group-binding.list", permission: "settings.view", response: listOf(groupBindingOut) }, async ({ params }) => ({ items: await listBindings(params.name) }));

export const POST = route(
  { ...base, action: "group-binding.create", permission: "settings.manage", body: bindingBody, status: 201, response: groupBindingOut, target: (_p, b) => ({ name: b.group, workspace: b.workspace, project: b.project }) },
  async ({ params, body, principal }) => createBinding(principal, params.name, body),
);

export * from "@/lib/api/unanswered";

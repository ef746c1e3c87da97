import { route } from "@/lib/api/route";
import { nodeSelectorOut } from "@/lib/schemas/responses";
import { workspaceParams } from "@/lib/schemas/workspace";
import { nodeSelectorBody } from "@/lib/schemas/quota";
import { getNodeSelector, putNodeSelector } from "@/lib/tenancy/isolation";

const base = { resource: "node-selector", params: workspaceParams, scope: (p: { ws: string }) => ({ workspace: p.ws }), target: (p: { ws: string }) => ({ name: p.ws }) } as const;

export const GET = route({ ...base, action: "workspace.node-selector.get", permission: "workspace-settings.view", response: nodeSelectorOut }, async ({ params }) => getNodeSelector(params.ws));

/** Pinning a tenant to nodes hands out hardware: a platform decision. */
export const PUT = route({ ...base, action: "workspace.node-selector.update", permission: "workspace-settings.manage", body: nodeSelectorBody, response: nodeSelectorOut }, async ({ params, body, require }) => {
  await require("workspaces.manage", {});
  return putNodeSelector(params.ws, body.nodeSelector);
});

export * from "@/lib/api/unanswered";

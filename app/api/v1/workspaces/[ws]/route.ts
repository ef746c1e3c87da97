import { route } from "@/lib/api/route";
import { workspaceParams, workspaceUpdate } from "@/lib/schemas/workspace";
import { deleteWorkspace, getWorkspace, requirePlacement, updateWorkspace } from "@/lib/tenancy/workspaces";
import { workspaceOut } from "@/lib/schemas/responses";

const base = {
  resource: "workspaces",
  params: workspaceParams,
  scope: (p: { ws: string }) => ({ workspace: p.ws }),
  target: (p: { ws: string }) => ({ name: p.ws }),
  response: workspaceOut,
} as const;

export const GET = route({ ...base, action: "workspace.get", permission: "workspace-settings.view" }, async ({ params }) => getWorkspace(params.ws));

export const PATCH = route(
  { ...base, action: "workspace.update", permission: "workspace-settings.manage", body: workspaceUpdate },
  async ({ params, body, require }) => {
    if (body.clusters) await requirePlacement(require);
    return updateWorkspace(params.ws, body);
  },
);

export const DELETE = route({ ...base, action: "workspace.delete", permission: "workspace-settings.manage", status: 204 }, async ({ params }) => {
  await deleteWorkspace(params.ws);
});

export * from "@/lib/api/unanswered";

import { route } from "@/lib/api/route";
import { workspaceParams, workspaceUpdate } from "@/lib/schemas/workspace";
import { deleteWorkspace, getWorkspace, updateWorkspace } from "@/lib/tenancy/workspaces";

const base = {
  resource: "workspaces",
  params: workspaceParams,
  scope: (p: { ws: string }) => ({ workspace: p.ws }),
  target: (p: { ws: string }) => ({ name: p.ws }),
} as const;

export const GET = route({ ...base, action: "workspace.get", permission: "workspace-settings.view" }, async ({ params }) => getWorkspace(params.ws));

export const PATCH = route(
  { ...base, action: "workspace.update", permission: "workspace-settings.manage", body: workspaceUpdate },
  async ({ params, body, require }) => {
    // Placement hands out cluster capacity: a platform decision, not a tenant's.
    if (body.clusters) await require("workspaces.manage", {});
    return updateWorkspace(params.ws, body);
  },
);

export const DELETE = route({ ...base, action: "workspace.delete", permission: "workspace-settings.manage", status: 204 }, async ({ params }) => {
  await deleteWorkspace(params.ws);
});

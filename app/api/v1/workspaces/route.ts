import { route } from "@/lib/api/route";
import { workspaceCreate, workspaceListQuery } from "@/lib/schemas/workspace";
import { createWorkspace, listWorkspaces } from "@/lib/tenancy/workspaces";

export const GET = route(
  { action: "workspace.list", permission: "authenticated", resource: "workspaces", query: workspaceListQuery },
  async ({ principal, query }) => listWorkspaces(principal, query),
);

export const POST = route(
  { action: "workspace.create", permission: "workspaces.create", resource: "workspaces", body: workspaceCreate, status: 201 },
  async ({ body, user, target }) => {
    target.name = target.workspace = body.name;
    return createWorkspace(body, user);
  },
);

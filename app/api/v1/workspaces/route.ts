import { route } from "@/lib/api/route";
import { workspaceCreate, workspaceListQuery } from "@/lib/schemas/workspace";
import { createWorkspace, listWorkspaces } from "@/lib/tenancy/workspaces";

export const GET = route(
  { action: "workspace.list", permission: "authenticated", resource: "workspaces", query: workspaceListQuery },
  async ({ principal, query }) => listWorkspaces(principal, query),
);

export const POST = route(
  {
    action: "workspace.create",
    permission: "workspaces.create",
    resource: "workspaces",
    body: workspaceCreate,
    status: 201,
    target: (_p, body) => ({ name: body.name, workspace: body.name }),
  },
  async ({ body, user }) => createWorkspace(body, user),
);

import { route } from "@/lib/api/route";
import { workspaceCreate } from "@/lib/schemas/workspace";
import { workspaceListQuery } from "@/lib/schemas/lists";
import { createWorkspace, listWorkspaces, requirePlacement } from "@/lib/tenancy/workspaces";
import { pageOf, workspaceOut } from "@/lib/schemas/responses";

export const GET = route(
  { action: "workspace.list", permission: "authenticated", resource: "workspaces", query: workspaceListQuery, response: pageOf(workspaceOut) },
  async ({ principal, query }) => listWorkspaces(principal, query),
);

export const POST = route(
  {
    action: "workspace.create",
    permission: "workspaces.create",
    resource: "workspaces",
    body: workspaceCreate,
    status: 201,
    response: workspaceOut,
    target: (_p, body) => ({ name: body.name, workspace: body.name }),
  },
  async ({ body, user, require }) => {
    // The placement check of PATCH /workspaces/{ws}: a self-provisioner's workspace starts unplaced, a platform admin places it.
    if (body.clusters.length) await requirePlacement(require);
    return createWorkspace(body, user);
  },
);

export * from "@/lib/api/unanswered";

import { route } from "@/lib/api/route";
import { movePlanOut } from "@/lib/schemas/responses";
import { principalFor } from "@/lib/auth/session";
import { projectMoveBody, projectMoveQuery, projectParams } from "@/lib/schemas/project";
import { moveProject } from "@/lib/tenancy/project-move";

/**
 * Moves the project to another workspace on its cluster: a workspace admin of the source (`projects.manage`
 * there) who may create projects in the target (`projects.create`), or a platform admin. `dryRun` (body, or
 * `?dryRun=true` as Kubernetes takes it) answers the same plan and refusals and changes nothing.
 */
export const POST = route(
  {
    action: "project.move",
    permission: "projects.manage",
    resource: "projects",
    params: projectParams,
    query: projectMoveQuery,
    body: projectMoveBody,
    response: movePlanOut,
    scope: (p) => ({ workspace: p.ws, project: p.project }),
    target: (p) => ({ name: p.project, namespace: p.project }),
  },
  async ({ params, query, body, user, principal, target, require }) => {
    await require("projects.create", { workspace: body.workspace });
    // Inviting members into the target is what its member managers do.
    if (body.members === "invite") await require("workspace-members.manage", { workspace: body.workspace });
    const dryRun = body.dryRun === true || query.dryRun === "true" || query.dryRun === "All";
    const plan = await moveProject(params.ws, params.project, { workspace: body.workspace, members: body.members, dryRun }, {
      actor: principal,
      inTarget: await principalFor(user, { workspace: body.workspace }),
    });
    target.cluster = plan.cluster;
    return plan;
  },
);

export * from "@/lib/api/unanswered";

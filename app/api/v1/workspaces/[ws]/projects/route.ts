import { route } from "@/lib/api/route";
import { projectCreate } from "@/lib/schemas/project";
import { workspaceParams } from "@/lib/schemas/workspace";
import { projectListQuery } from "@/lib/schemas/lists";
import { createProject, listProjects } from "@/lib/tenancy/projects";
import { pageOf, projectOut } from "@/lib/schemas/responses";

const base = { resource: "projects", params: workspaceParams, scope: (p: { ws: string }) => ({ workspace: p.ws }) } as const;

export const GET = route({ ...base, action: "project.list", permission: "workspace-settings.view", query: projectListQuery, response: pageOf(projectOut) }, async ({ params, principal, query }) =>
  listProjects(principal, params.ws, query),
);

export const POST = route(
  {
    ...base,
    action: "project.create",
    permission: "projects.create",
    body: projectCreate,
    status: 201,
    response: projectOut,
    target: (_p, body) => ({ name: body.name, namespace: body.name, project: body.name, cluster: body.cluster }),
  },
  async ({ params, body, user, principal }) => createProject(params.ws, body, user, principal),
);

export * from "@/lib/api/unanswered";

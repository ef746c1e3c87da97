import { route } from "@/lib/api/route";
import { projectParams } from "@/lib/schemas/project";
import { deleteProject, getProject } from "@/lib/tenancy/projects";

const base = {
  resource: "projects",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: p.project, namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.get", permission: "project-settings.view" }, async ({ params, target }) => {
  const project = await getProject(params.ws, params.project);
  target.cluster = project.cluster;
  return project;
});

/** 204 once the namespace is gone; 202 with the project while the cluster is still removing it. */
export const DELETE = route({ ...base, action: "project.delete", permission: "project-settings.manage" }, async ({ params, target }) => {
  target.cluster = (await getProject(params.ws, params.project)).cluster;
  if (await deleteProject(params.ws, params.project)) return new Response(null, { status: 204 });
  return Response.json(await getProject(params.ws, params.project), { status: 202 });
});

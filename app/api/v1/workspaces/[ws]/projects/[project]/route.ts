import { route } from "@/lib/api/route";
import { projectParams } from "@/lib/schemas/project";
import { deleteProject, getProject } from "@/lib/tenancy/projects";
import { projectOut } from "@/lib/schemas/responses";

const base = {
  resource: "projects",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: p.project, namespace: p.project }),
  response: projectOut,
} as const;

export const GET = route({ ...base, action: "project.get", permission: "project-settings.view" }, async ({ params, target }) => {
  const project = await getProject(params.ws, params.project);
  target.cluster = project.cluster;
  return project;
});

/** 202 with the project, now `terminating`: the reconciler removes the namespace, then the project. */
export const DELETE = route({ ...base, action: "project.delete", permission: "project-settings.manage", status: 202 }, async ({ params, target }) => {
  target.cluster = (await getProject(params.ws, params.project)).cluster;
  await deleteProject(params.ws, params.project);
  return getProject(params.ws, params.project);
});

export * from "@/lib/api/unanswered";

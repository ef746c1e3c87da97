import { route } from "@/lib/api/route";
import { podSecurityOut } from "@/lib/schemas/responses";
import { projectParams } from "@/lib/schemas/project";
import { podSecurityBody } from "@/lib/schemas/quota";
import { getPodSecurity, putPodSecurity } from "@/lib/tenancy/isolation";

const base = {
  resource: "namespaces",
  params: projectParams,
  scope: (p: { ws: string; project: string }) => ({ workspace: p.ws, project: p.project }),
  target: (p: { project: string }) => ({ name: p.project, namespace: p.project }),
} as const;

export const GET = route({ ...base, action: "project.pod-security.get", permission: "project-settings.view", response: podSecurityOut }, async ({ params }) => getPodSecurity(params.ws, params.project));

export const PUT = route({ ...base, action: "project.pod-security.update", permission: "project-settings.manage", body: podSecurityBody, response: podSecurityOut }, async ({ params, body, require }) => {
  // Anything below `restricted` lets pods reach the node: only platform admins lower the wall.
  if (body.level !== "restricted") await require("workspaces.manage", {});
  return putPodSecurity(params.ws, params.project, body.level);
});

export * from "@/lib/api/unanswered";

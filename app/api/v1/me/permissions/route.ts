import { z } from "zod";
import { route } from "@/lib/api/route";
import { dnsLabel } from "@/lib/schemas/common";
import { effectivePermissions } from "@/lib/rbac/effective";
import { projectKey } from "@/lib/rbac/authorize";
import { permissionsOut } from "@/lib/schemas/responses";

const scopeQuery = z.object({ workspace: dnsLabel.optional(), project: dnsLabel.optional() }).refine((s) => !s.project || s.workspace, {
  message: "A project needs its workspace.",
  path: ["workspace"],
});

/** What the caller may do in a scope, so the console can hide what they can't (the BFF still checks). */
export const GET = route(
  {
    action: "me.permissions",
    permission: "authenticated",
    resource: "permissions",
    query: scopeQuery,
    response: permissionsOut,
    scope: (_params, q) => ({ workspace: q.workspace, project: q.project }),
  },
  async ({ query, principal }) => {
    const scope = { workspace: query.workspace, project: query.project };
    // When the caller's own memberships here end (null: never; absent: not a member there).
    const ends = (grant: { expiresAt?: Date | null } | undefined) => (grant ? (grant.expiresAt ?? null) : undefined);
    const expiresAt = {
      workspace: query.workspace ? ends(principal.workspaces.get(query.workspace)) : undefined,
      project: query.workspace && query.project ? ends(principal.projects.get(projectKey(query.workspace, query.project))) : undefined,
    };
    // The caller's own roles here, so the console can say which one withholds a control.
    const roles = {
      platform: principal.platform.role,
      workspace: query.workspace ? principal.workspaces.get(query.workspace)?.role : undefined,
      project: query.workspace && query.project ? principal.projects.get(projectKey(query.workspace, query.project))?.role : undefined,
    };
    return { scope, permissions: effectivePermissions(principal, scope), expiresAt, roles };
  },
);

export * from "@/lib/api/unanswered";

import { z } from "zod";
import { route } from "@/lib/api/route";
import { dnsLabel } from "@/lib/schemas/common";
import { effectivePermissions } from "@/lib/rbac/effective";
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
    return { scope, permissions: effectivePermissions(principal, scope) };
  },
);

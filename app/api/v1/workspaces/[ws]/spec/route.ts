// Tenants as code (#17 item 3): the workspace as one document. GET exports it (YAML to `Accept: application/yaml`,
// else JSON); PUT applies one (YAML or JSON by Content-Type) atomically, `?dryRun=true` answering the changes only.
import { route } from "@/lib/api/route";
import { readText } from "@/lib/api/body";
import { forbidden, invalid, notFound } from "@/lib/api/errors";
import { templates, type Permission } from "@/lib/rbac/catalogue";
import type { User } from "@prisma/client";
import { clientInfo } from "@/lib/api/client-info";
import { authorize, type Principal, type Scope } from "@/lib/rbac/authorize";
import { principalFor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { workspaceParams } from "@/lib/schemas/workspace";
import { dryRunQuery, isDryRun } from "@/lib/schemas/quota";
import { specApplyOut, workspaceSpecDocument } from "@/lib/tenancy/spec/document";
import { exportSpec } from "@/lib/tenancy/spec/export";
import { applySpec } from "@/lib/tenancy/spec/apply";
import { parseDocument, toYaml, wantsYaml, YAML_TYPE } from "@/lib/tenancy/spec/parse";

const base = { resource: "workspaces", params: workspaceParams, target: (p: { ws: string }) => ({ name: p.ws, workspace: p.ws }) } as const;

export const GET = route(
  { ...base, action: "workspace.spec.get", permission: "workspace-settings.view", scope: (p) => ({ workspace: p.ws }), response: workspaceSpecDocument },
  async ({ req, params, user }) => {
    // Each section as its own route shows it: only what the caller may view (one principal per scope).
    const principals = new Map<string, Promise<Principal>>();
    const principal = (scope: Scope) => {
      const key = `${scope.workspace}/${scope.project ?? ""}`;
      if (!principals.has(key)) principals.set(key, principalFor(user, scope));
      return principals.get(key)!;
    };
    const doc = await exportSpec(params.ws, async (permission, scope) => authorize(await principal(scope), permission, scope).allowed);
    if (!doc) throw notFound(`Workspace "${params.ws}"`);
    if (wantsYaml(req.headers.get("accept"))) return new Response(toYaml(doc), { headers: { "content-type": `${YAML_TYPE}; charset=utf-8` } });
    return doc;
  },
);

/**
 * 404 unless the caller sees the workspace, 403 unless they may change something in it: a spec's every change is
 * authorized as its own route (lib/tenancy/spec/steps.ts); one who may change nothing is refused before reading it.
 */
async function requireSomeChange(user: User, ws: string, require: (action: Permission, scope?: Scope) => Promise<void>) {
  const scope = { workspace: ws };
  await require("workspace-settings.view", scope);
  const principal = await principalFor(user, scope);
  if (!templates.some((t) => t.level === "workspace" && !t.name.endsWith(".view") && authorize(principal, t.name, scope).allowed))
    throw forbidden(`You may change nothing in workspace "${ws}".`);
}

/**
 * Who may apply is decided change by change, as each change's own route decides; here whether the caller may
 * change anything in the workspace, or create it when it does not exist yet.
 */
export const PUT = route(
  { ...base, action: "workspace.spec.apply", permission: "authenticated", query: dryRunQuery, response: specApplyOut },
  async ({ req, params, query, user, require, locale }) => {
    const text = await readText(req);
    const exists = await db().workspace.findUnique({ where: { name: params.ws }, select: { id: true } });
    if (exists) await requireSomeChange(user, params.ws, require);
    else await require("workspaces.create", {});
    const doc = parseDocument(text, req.headers.get("content-type"), locale);
    if (doc.metadata.name !== params.ws) throw invalid([{ path: "metadata.name", message: `Must be "${params.ws}", the workspace of the path.` }]);
    const event = { username: user.username, receivedAt: new Date(), ...clientInfo(req.headers) };
    return applySpec(doc, { user, event }, { dryRun: isDryRun(query) });
  },
);

export * from "@/lib/api/unanswered";

// The workspace as one declarative document (#17 item 3, "tenants as code"): what GET …/spec answers and PUT …/spec
// applies. Every part is validated with the schema its own route uses. A section left out is not managed (left as
// it is); a section written is the whole truth for it (a member it does not list is removed).
import { z } from "zod";
import { description, displayName, dnsLabel, expiresAt } from "../../schemas/common";
import { roleBody, roleName, username } from "../../schemas/rbac";
import { hardMap, limitsBody, nodeSelectorBody, podSecurityLevel, projectQuotaBody, workspaceQuotaBody } from "../../schemas/quota";
import { projectNetworkBody, workspaceNetworkBody } from "../../schemas/network";

export const SPEC_API_VERSION = "tenantry.io/v1alpha1";

const member = z.object({ username, role: roleName, expiresAt: expiresAt.optional() }).strict();
const role = z.object({ name: roleName, displayName: displayName.optional(), description: description.optional(), templates: roleBody.shape.templates }).strict();
const quota = z.object({ cluster: dnsLabel, hard: hardMap, defaultProject: workspaceQuotaBody.shape.defaultProject.unwrap().unwrap().optional() }).strict();

const project = z
  .object({
    name: dnsLabel,
    cluster: dnsLabel,
    members: z.array(member).max(1000).optional(),
    roles: z.array(role).max(100).optional(),
    quota: projectQuotaBody.optional(),
    limits: limitsBody.optional(),
    network: projectNetworkBody.optional(),
    podSecurity: podSecurityLevel.optional(),
  })
  .strict();

const workspaceSpec = z
  .object({
    displayName: displayName.optional(),
    description: description.optional(),
    clusters: z.array(dnsLabel).max(100).optional(),
    members: z.array(member).max(1000).optional(),
    roles: z.array(role).max(100).optional(),
    quotas: z.array(quota).max(100).optional(),
    network: workspaceNetworkBody.optional(),
    nodeSelector: nodeSelectorBody.shape.nodeSelector.optional(),
    projects: z.array(project).max(500).optional(),
  })
  .strict();

/** Each name once per list, and a project member a member of the workspace when both lists are given. */
function checkNames(spec: z.infer<typeof workspaceSpec>, ctx: z.RefinementCtx) {
  const once = <T>(list: T[] | undefined, key: (t: T) => string, path: (string | number)[], field?: string) =>
    list?.forEach((item, i) => {
      if (list.findIndex((x) => key(x) === key(item)) !== i)
        ctx.addIssue({ code: "custom", path: [...path, i, ...(field ? [field] : [])], message: `"${key(item)}" is listed twice.` });
    });
  once(spec.clusters, (c) => c, ["spec", "clusters"]);
  once(spec.members, (m) => m.username, ["spec", "members"], "username");
  once(spec.roles, (r) => r.name, ["spec", "roles"], "name");
  once(spec.quotas, (q) => q.cluster, ["spec", "quotas"], "cluster");
  once(spec.projects, (p) => p.name, ["spec", "projects"], "name");
  spec.projects?.forEach((p, i) => {
    once(p.members, (m) => m.username, ["spec", "projects", i, "members"], "username");
    once(p.roles, (r) => r.name, ["spec", "projects", i, "roles"], "name");
    p.members?.forEach((m, j) => {
      if (spec.members && !spec.members.some((w) => w.username === m.username))
        ctx.addIssue({ code: "custom", path: ["spec", "projects", i, "members", j, "username"], message: `"${m.username}" must be listed in spec.members too.` });
    });
  });
}

export const workspaceSpecDocument = z
  .object({
    apiVersion: z.literal(SPEC_API_VERSION),
    kind: z.literal("Workspace"),
    metadata: z.object({ name: dnsLabel }).strict(),
    spec: workspaceSpec.default({}),
  })
  .strict()
  .superRefine((doc, ctx) => checkNames(doc.spec, ctx))
  .meta({ title: "Tenantry workspace", description: "A workspace as code: GET and PUT /api/v1/workspaces/{ws}/spec." });

/** A document as parsed (dates as Date, defaults filled in). */
export type SpecDocument = z.infer<typeof workspaceSpecDocument>;
export type WorkspaceSpec = SpecDocument["spec"];
export type ProjectSpec = NonNullable<WorkspaceSpec["projects"]>[number];
export type MemberSpec = z.infer<typeof member>;
export type RoleSpec = z.infer<typeof role>;
export type QuotaSpec = z.infer<typeof quota>;

const count = z.number().int().min(0);
const change = z
  .object({
    action: z.enum(["added", "changed", "removed"]),
    kind: z.enum(["workspace", "member", "role", "quota", "network", "nodeSelector", "project", "project-member", "project-role", "project-quota", "project-limits", "project-network", "project-podSecurity"]),
    name: z.string(),
    project: z.string().optional(),
    path: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .strict();

/** PUT …/spec's answer: the changes made (or, in a dry run, that would be), in the order they are made. */
export const specApplyOut = z
  .object({ workspace: z.string(), dryRun: z.boolean(), created: z.boolean(), changes: z.array(change), summary: z.object({ added: count, changed: count, removed: count }).strict() })
  .strict();

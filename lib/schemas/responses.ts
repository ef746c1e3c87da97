// What the main /api/v1 answers hold, as JSON (dates are ISO strings). Routes name them as `response` in their spec;
// the OpenAPI document (lib/api/openapi.ts) publishes them and tests/integration/openapi.test.ts validates real
// answers against it, so a field added to a view without being added here fails that test (objects are closed).
import { z } from "zod";
import { PROBLEM_CODES } from "../api/errors";
import { ldapConfig, oidcConfig } from "./identity";
import { projectNetworkBody, workspaceNetworkBody } from "./network";
import { podSecurityBody } from "./quota";
import { moveMemberOptions } from "./project";

const time = z.iso.datetime();
const count = z.number().int().min(0);

/** One page of a keyset-paginated list (lib/api/page.ts): pass `nextCursor` back as `cursor` for the next. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A whole list, unpaginated (short by nature: clusters, roles, tokens, sessions). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const workspaceOut = z
  .object({
    name: z.string(),
    displayName: z.string().nullable(),
    description: z.string().nullable(),
    networkIsolated: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: time,
    updatedAt: time,
    clusters: z.array(z.string()),
    projectCount: count,
    memberCount: count,
  })
  .meta({ id: "Workspace" });

export const projectOut = z
  .object({
    name: z.string(),
    namespace: z.string(),
    displayName: z.string().nullable(),
    description: z.string().nullable(),
    status: z.enum(["pending", "ready", "error", "terminating"]),
    statusMessage: z.string().nullable(),
    podSecurity: z.string(),
    cluster: z.string(),
    workspace: z.string(),
    createdBy: z.string().nullable(),
    createdAt: time,
    updatedAt: time,
    memberCount: count,
  })
  .meta({ id: "Project" });

export const memberOut = z
  .object({
    username: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    role: z.string(),
    since: time,
    /** When the membership ends by itself; null: never. */
    expiresAt: time.nullable(),
  })
  .meta({ id: "Member" });

/** A membership that ends by itself (lib/tenancy/expiry.ts); `endsSoon`: within TENANTRY_EXPIRY_WARNING_HOURS. */
export const expiringMemberOut = z
  .object({
    workspace: z.string(),
    project: z.string().nullable(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.string(),
    expiresAt: time,
    endsSoon: z.boolean(),
  })
  .meta({ id: "ExpiringMember" });

export const userOut = z
  .object({
    username: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    source: z.string(),
    status: z.enum(["active", "disabled"]),
    lockedUntil: time.nullable(),
    platformRole: z.string(),
    mustChangePassword: z.boolean(),
    lastLoginAt: time.nullable(),
    createdAt: time,
    workspaceCount: count,
  })
  .meta({ id: "User" });

/** A cluster as anyone may see it: never its credentials. */
const clusterFields = {
  name: z.string(),
  displayName: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  health: z.string(),
  version: z.string().nullable(),
  nodeCount: count.nullable(),
  latencyMs: count.nullable(),
  lastError: z.string().nullable(),
  lastCheckedAt: time.nullable(),
  auditTokenIssuedAt: time.nullable(),
  createdAt: time,
  workspaceCount: count,
  projectCount: count,
};
export const clusterOut = z.object(clusterFields).meta({ id: "Cluster" });
export const clusterDetailOut = z
  .object({
    ...clusterFields,
    workspaces: z.array(
      z.object({ name: z.string(), displayName: z.string().nullable(), projects: z.array(z.object({ name: z.string(), status: projectOut.shape.status })) }),
    ),
  })
  .meta({ id: "ClusterDetail" });

export const roleOut = z
  .object({
    name: z.string(),
    level: z.enum(["platform", "workspace", "project"]),
    displayName: z.string().nullable(),
    description: z.string().nullable(),
    builtIn: z.boolean(),
    templates: z.array(z.string()),
    memberCount: count,
  })
  .meta({ id: "Role" });

export const auditEventOut = z
  .object({
    seq: z.string(),
    auditId: z.string(),
    source: z.string(),
    action: z.string(),
    verb: z.string(),
    username: z.string().nullable(),
    resource: z.string().nullable(),
    namespace: z.string().nullable(),
    name: z.string().nullable(),
    apiGroup: z.string().nullable(),
    cluster: z.string().nullable(),
    workspace: z.string().nullable(),
    project: z.string().nullable(),
    outcome: z.string(),
    statusCode: z.number().int(),
    reason: z.string().nullable(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    /** What a refused request named beyond what its caller could see (lib/api/route.ts seenScope()). */
    request: z.unknown().nullable(),
    receivedAt: time,
    completedAt: time,
  })
  .meta({ id: "AuditEvent" });

export const auditHistogramOut = z
  .object({
    from: time,
    to: time,
    interval: z.string(),
    buckets: z.array(z.object({ start: time, count, denied: count, failed: count })),
  })
  .meta({ id: "AuditHistogram" });

export const auditVerifyOut = z
  .object({
    intact: z.boolean(),
    checked: count,
    chains: count,
    firstSeq: z.string().nullable(),
    lastSeq: z.string().nullable(),
    broken: z.object({ seq: z.string(), auditId: z.string(), reason: z.string() }).optional(),
  })
  .meta({ id: "AuditVerification" });

const tokenFields = { id: z.string(), name: z.string(), prefix: z.string(), expiresAt: time.nullable(), lastUsedAt: time.nullable(), createdAt: time };
export const tokenOut = z.object(tokenFields).meta({ id: "Token" });
/** Only in the answer that creates it: the token itself (stored hashed). */
export const tokenCreatedOut = z.object({ ...tokenFields, token: z.string() }).meta({ id: "CreatedToken" });

export const sessionOut = z
  .object({
    id: z.string(),
    provider: z.string(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: time,
    lastSeenAt: time,
    expiresAt: time,
    current: z.boolean(),
  })
  .meta({ id: "Session" });

export const loginRecordOut = z
  .object({
    id: z.string(),
    username: z.string(),
    provider: z.string(),
    outcome: z.string(),
    reason: z.string().nullable(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: time,
  })
  .meta({ id: "LoginRecord" });

export const meOut = z
  .object({
    username: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    platformRole: z.string(),
    mustChangePassword: z.boolean(),
    permissions: z.array(z.string()),
    /** The caller's own memberships that end by themselves, soonest first. */
    expiringMemberships: z.array(expiringMemberOut.omit({ username: true, displayName: true })),
  })
  .meta({ id: "Me" });

export const permissionsOut = z
  .object({
    scope: z.object({ workspace: z.string().optional(), project: z.string().optional() }),
    permissions: z.array(z.string()),
    /** When the caller's own memberships there end: null never, absent where they are not a member. */
    expiresAt: z.object({ workspace: time.nullable().optional(), project: time.nullable().optional() }),
    /** The caller's roles: on the platform, and in the workspace and project asked about where a member. */
    roles: z.object({ platform: z.string(), workspace: z.string().optional(), project: z.string().optional() }),
  })
  .meta({ id: "EffectivePermissions" });

/** RFC 9457 problem details, as lib/api/errors.ts problemBody() writes them; some codes add fields (`action`…). */
export const problemOut = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    code: z.enum(Object.keys(PROBLEM_CODES) as [string, ...string[]]),
    detail: z.string(),
    instance: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

export const templateOut = z
  .object({
    name: z.string(),
    level: roleOut.shape.level,
    module: z.string(),
    description: z.object({ en: z.string(), zh: z.string() }),
    dependsOn: z.array(z.string()),
  })
  .meta({ id: "PermissionTemplate" });

export const unlockOut = z.object({ username: z.string(), wasLocked: z.boolean() }).meta({ id: "Unlock" });
export const revokedOut = z.object({ revoked: count }).meta({ id: "Revoked" });

/** What the audit webhook did with a batch: kube-apiserver only needs the 200, people read the counts. */
export const auditWebhookResultOut = z
  .object({
    received: count,
    accepted: count,
    duplicates: count,
    skipped: count,
    refused: count,
    refusals: z.array(z.object({ auditID: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: "AuditWebhookResult" });

/** An identity provider as lib/identity/providers.ts present() shows it: its configuration, never its secret. */
export const identityProviderOut = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["oidc", "ldap"]),
    displayName: z.string().nullable(),
    enabled: z.boolean(),
    mappingMethod: z.enum(["auto", "lookup"]),
    // As stored: a provider saved before a setting existed (or seeded by TENANTRY_IDENTITY_PROVIDERS) may lack it.
    config: z.union([z.looseObject(oidcConfig.shape).partial(), z.looseObject(ldapConfig.shape).partial()]),
    hasSecret: z.boolean(),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "IdentityProvider" });

export const connectionTestOut = z.object({ ok: z.boolean(), message: z.string() }).meta({ id: "ConnectionTest" });

/** A group binding (`project` "": the binding is to the workspace). */
export const groupBindingOut = z
  .object({
    id: z.string(),
    providerId: z.string(),
    group: z.string(),
    workspace: z.string(),
    project: z.string(),
    role: z.string(),
    expiresAt: time.nullable(),
    createdAt: time,
  })
  .meta({ id: "GroupBinding" });

/** ResourceQuota `hard` (or used) figures by key, as canonical quantities. */
const hard = z.record(z.string(), z.string());

/** A workspace's pool on one cluster (lib/tenancy/quotas.ts); `used` null with `usageError` when the cluster did not answer. */
const workspaceQuotaFields = {
  cluster: z.string(),
  hard: hard.nullable(),
  defaultProject: z.object({ hard }).nullable(),
  allocated: hard,
  used: hard.nullable(),
  usageError: z.string().nullable(),
  projects: z.array(z.object({ name: z.string(), hard, used: hard.nullable() })),
};
export const workspaceQuotaOut = z.object(workspaceQuotaFields).meta({ id: "WorkspaceQuota" });
/** A pool change's answer: the pool as it is (or, with dryRun, would be) and which projects' quotas in effect change. */
export const workspaceQuotaChangeOut = z
  .object({
    ...workspaceQuotaFields,
    dryRun: z.boolean(),
    changedProjects: z.array(z.object({ project: z.string(), changes: z.array(z.object({ key: z.string(), before: z.string().nullable(), after: z.string().nullable() })) })),
  })
  .meta({ id: "WorkspaceQuotaChange" });

export const projectQuotaOut = z
  .object({
    hard,
    effective: hard,
    sources: z.record(z.string(), z.enum(["project", "workspace-default", "pool", "built-in"])),
    pool: hard.nullable(),
    /** Per pooled key, the most this project's quota may be: the pool less what the workspace's other projects hold. */
    headroom: hard.nullable(),
    used: hard.nullable(),
    usageError: z.string().nullable(),
    yaml: z.string(),
  })
  .meta({ id: "ProjectQuota" });

const limitFields = <T extends z.ZodType>(v: T) => z.object({ default: v.optional(), defaultRequest: v.optional(), max: v.optional(), min: v.optional() });
export const limitsOut = z
  .object({
    limits: limitFields(hard),
    effective: limitFields(hard).nullable(),
    sources: limitFields(z.record(z.string(), z.enum(["project", "automatic", "derived"]))),
    yaml: z.string().nullable(),
  })
  .meta({ id: "ProjectLimits" });

export const workspaceNetworkOut = workspaceNetworkBody.meta({ id: "WorkspaceNetwork" });
/** A project's allow-lists, whether its workspace isolates it, and the NetworkPolicies they make as YAML. */
export const projectNetworkOut = z
  .object({ ...projectNetworkBody.shape, workspaceIsolated: z.boolean(), yaml: z.string() })
  .meta({ id: "ProjectNetwork" });

/** Who can reach whom (lib/kube/connectivity.ts): `ports` lists the only ports open when a rule restricts them. */
const reach = { state: z.enum(["allowed", "partial", "denied"]), ports: z.array(z.string()).optional(), policies: z.array(z.string()) };
const side = z.object(reach);
export const connectivityOut = z
  .object({
    cluster: z.string(),
    nodes: z.array(z.string()),
    cells: z.record(z.string(), z.record(z.string(), z.object({ ...reach, egress: side, ingress: side }))),
  })
  .meta({ id: "Connectivity" });

export const podSecurityOut = podSecurityBody.meta({ id: "PodSecurity" });
export const nodeSelectorOut = z.object({ nodeSelector: z.record(z.string(), z.string()) }).meta({ id: "NodeSelector" });

/** ⌘K search: what matched q in each kind the caller may see (users: only with users.view). */
export const searchOut = z
  .object({
    workspaces: z.array(z.object({ name: z.string(), displayName: z.string().nullable() })),
    projects: z.array(z.object({ name: z.string(), displayName: z.string().nullable(), status: projectOut.shape.status, workspace: z.string() })),
    users: z.array(z.object({ username: z.string(), displayName: z.string().nullable() })),
  })
  .meta({ id: "SearchResults" });

/** Who can do `action` here, and through which binding (lib/rbac/access-review.ts). */
export const accessReviewOut = z
  .object({
    action: z.string(),
    subjects: z.array(z.object({ username: z.string(), displayName: z.string().nullable(), level: roleOut.shape.level, role: z.string() })),
  })
  .meta({ id: "AccessReview" });

/** The platform dashboard; `users` null, `clusters` and `quotas` empty for callers without users.view, clusters.view. */
export const dashboardOut = z
  .object({
    workspaces: count,
    users: count.nullable(),
    projects: z.object({ total: count, pending: count.optional(), ready: count.optional(), error: count.optional(), terminating: count.optional() }),
    projectsInError: z.array(z.object({ name: z.string(), workspace: z.string(), cluster: z.string(), message: z.string().nullable(), since: time })),
    clusters: z.array(clusterOut),
    quotas: z.array(z.object({ cluster: z.string(), pooled: hard, allocated: hard, used: hard.nullable(), usageError: z.string().nullable() })),
  })
  .meta({ id: "Dashboard" });

/** lib/kube/errors.ts KubeErrorCode: why a read of the cluster failed, stable across languages. */
const kubeErrorCode = z.enum(["forbidden", "unauthorized", "not_found", "already_exists", "conflict", "invalid", "too_many_requests", "timeout", "unavailable", "internal", "unreachable", "untrusted", "failed"]);
/** One list read from the cluster as the member: its items, or (items null) the sentence and code of the refusal. */
const listed = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item).nullable(), error: z.string().nullable(), code: kubeErrorCode.optional() });
export const workloadsOut = z
  .object({
    cluster: z.string(),
    namespace: z.string(),
    identity: z.string(),
    groups: z.array(z.string()),
    deployments: listed(z.object({ name: z.string(), replicas: count, ready: count, available: count, createdAt: time.nullable() })),
    pods: listed(z.object({ name: z.string(), phase: z.string(), ready: z.string(), restarts: count, node: z.string().nullable(), createdAt: time.nullable() })),
    services: listed(z.object({ name: z.string(), type: z.string(), clusterIP: z.string().nullable(), ports: z.string() })),
  })
  .meta({ id: "Workloads" });

/** The objects Tenantry manages in the namespace as YAML, or (yaml null) why the cluster did not answer. */
export const projectObjectsOut = z
  .object({ yaml: z.string().nullable(), error: z.string().nullable(), code: kubeErrorCode.optional() })
  .meta({ id: "ProjectObjects" });

const before = <T extends z.ZodType>(v: T) => z.object({ before: v, after: v });
const poolChange = z.object({ hard: hard.nullable(), allocated: before(hard) });
const reachState = z.enum(["allowed", "partial", "denied"]);
/** lib/tenancy/project-move.ts MovePlan: what a move does (or, dryRun, would do). */
export const movePlanOut = z
  .object({
    project: z.string(),
    cluster: z.string(),
    from: z.string(),
    to: z.string(),
    members: z.enum(moveMemberOptions),
    dryRun: z.boolean(),
    namespace: z.object({ name: z.string(), labels: before(z.record(z.string(), z.string())), deleted: z.literal(false) }),
    memberships: z.object({
      kept: z.array(z.object({ username: z.string(), role: z.string(), workspaceRole: z.string() })),
      dropped: z.array(z.object({ username: z.string(), role: z.string() })),
      invited: z.array(z.object({ username: z.string(), role: z.string(), workspaceRole: z.string() })),
    }),
    groupBindings: z.array(z.object({ provider: z.string(), group: z.string(), role: z.string() })),
    roles: z.object({ moved: z.array(z.string()), notInTarget: z.array(z.object({ username: z.string(), role: z.string() })) }),
    quota: z.object({ project: hard, effective: before(hard), source: poolChange, target: poolChange }),
    network: z.object({
      policies: z.array(z.object({ name: z.string(), change: z.enum(["added", "changed", "removed"]) })),
      connections: z.array(z.object({ from: z.string(), to: z.string(), before: reachState, after: reachState })),
    }),
  })
  .meta({ id: "ProjectMovePlan" });

/** A cluster's audit webhook token, in this answer only, with the files kube-apiserver reads (lib/audit/token.ts). */
export const auditTokenOut = z
  .object({
    cluster: z.string(),
    token: z.string(),
    webhookUrl: z.string(),
    kubeconfig: z.string(),
    files: z.array(z.object({ path: z.string(), flag: z.string(), content: z.string() })),
    issuedAt: time,
  })
  .meta({ id: "AuditToken" });

/** GET /api/v1/openapi.json: the document itself. Its parts follow OpenAPI 3.1's own schema (lib/api/openapi.test.ts validates it). */
const parts = z.record(z.string(), z.unknown());
export const openApiDocumentOut = z
  .object({
    openapi: z.literal("3.1.0"),
    info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
    tags: z.array(z.object({ name: z.string() })),
    paths: z.record(z.string(), parts),
    components: z.object({ schemas: parts, responses: parts, securitySchemes: parts }),
    security: z.array(z.record(z.string(), z.array(z.string()))),
  })
  .meta({ id: "OpenApiDocument" });

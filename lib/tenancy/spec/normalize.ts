// One form for what is stored and what a document asks for, so the diff compares like with like: quantities
// canonical, role templates with their dependencies, network defaults filled in, absent and null alike.
import type { z } from "zod";
import { canonicalHard, type Hard } from "../../kube/quota";
import { withDependencies } from "../../rbac/catalogue";
import type { LimitsBody } from "../../schemas/quota";
import type { ProjectNetwork } from "../../schemas/network";
import { SPEC_API_VERSION, type MemberSpec, type ProjectSpec, type QuotaSpec, type RoleSpec, type SpecDocument, workspaceSpecDocument } from "./document";

/** The document as JSON (what GET answers, dates as RFC 3339 strings). */
export type SpecJson = z.input<typeof workspaceSpecDocument>;
export type SpecBody = NonNullable<SpecJson["spec"]>;
export type ProjectJson = NonNullable<SpecBody["projects"]>[number];
export type MemberJson = NonNullable<SpecBody["members"]>[number];
export type RoleJson = NonNullable<SpecBody["roles"]>[number];
export type QuotaJson = NonNullable<SpecBody["quotas"]>[number];

const LIMIT_KEYS = ["min", "defaultRequest", "default", "max"] as const;

export const normalMember = (m: { username: string; role: string; expiresAt?: Date | string | null }): MemberJson => ({
  username: m.username,
  role: m.role,
  ...(m.expiresAt ? { expiresAt: new Date(m.expiresAt).toISOString() } : {}),
});

export const normalRole = (r: { name: string; displayName?: string | null; description?: string | null; templates: string[] }): RoleJson => ({
  name: r.name,
  ...(r.displayName ? { displayName: r.displayName } : {}),
  ...(r.description ? { description: r.description } : {}),
  templates: [...withDependencies(r.templates)].sort(),
});

export const normalQuota = (q: { cluster: string; hard: Hard; defaultProject?: { hard: Hard } | null }): QuotaJson => ({
  cluster: q.cluster,
  hard: canonicalHard(q.hard),
  ...(q.defaultProject ? { defaultProject: { hard: canonicalHard(q.defaultProject.hard) } } : {}),
});

/** As putLimits() stores them: only the non-empty maps, canonical. */
export const normalLimits = (l: LimitsBody | null | undefined): LimitsBody =>
  Object.fromEntries(LIMIT_KEYS.filter((k) => l?.[k] && Object.keys(l[k]!).length).map((k) => [k, canonicalHard(l![k]!)])) as LimitsBody;

export const DEFAULT_NETWORK: ProjectNetwork = { isolated: false, allow: [] };

// In the document's order: a change names its place there (spec.members.3).
const members = (list: (MemberSpec | MemberJson)[] | undefined) => list?.map(normalMember);
const roles = (list: (RoleSpec | RoleJson)[] | undefined) => list?.map(normalRole);

export function normalProject(p: ProjectSpec): ProjectJson {
  return {
    name: p.name,
    cluster: p.cluster,
    ...(p.members ? { members: members(p.members) } : {}),
    ...(p.roles ? { roles: roles(p.roles) } : {}),
    ...(p.quota ? { quota: { hard: canonicalHard(p.quota.hard) } } : {}),
    ...(p.limits ? { limits: normalLimits(p.limits) } : {}),
    ...(p.network ? { network: p.network } : {}),
    ...(p.podSecurity ? { podSecurity: p.podSecurity } : {}),
  };
}

/** A parsed document in the exported form; the sections it leaves out stay out. */
export function normalDocument(doc: SpecDocument): SpecJson {
  const s = doc.spec;
  const spec: SpecBody = {
    ...(s.displayName !== undefined ? { displayName: s.displayName } : {}),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.clusters ? { clusters: s.clusters } : {}),
    ...(s.members ? { members: members(s.members) } : {}),
    ...(s.roles ? { roles: roles(s.roles) } : {}),
    ...(s.quotas ? { quotas: s.quotas.map((q: QuotaSpec) => normalQuota(q)) } : {}),
    ...(s.network ? { network: s.network } : {}),
    ...(s.nodeSelector ? { nodeSelector: s.nodeSelector } : {}),
    ...(s.projects ? { projects: s.projects.map(normalProject) } : {}),
  };
  return { apiVersion: SPEC_API_VERSION, kind: "Workspace", metadata: { name: doc.metadata.name }, spec };
}

/** JSON with its object keys sorted: equal values, equal text. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}
export const same = (a: unknown, b: unknown) => stable(a) === stable(b);

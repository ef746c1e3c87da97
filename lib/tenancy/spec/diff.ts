// What applying a document changes, object by object, in the order the applier makes the changes: what others
// refer to first (roles before the members holding them, pools before projects), removals last. Pure.
import type { ProjectJson, SpecBody, SpecJson } from "./normalize";
import { DEFAULT_NETWORK, same } from "./normalize";

export type ChangeKind =
  | "workspace" | "member" | "role" | "quota" | "network" | "nodeSelector"
  | "project" | "project-member" | "project-role" | "project-quota" | "project-limits" | "project-network" | "project-podSecurity";

export interface Change {
  action: "added" | "changed" | "removed";
  kind: ChangeKind;
  /** The object: a username, role, cluster or project name (the workspace's for its own settings). */
  name: string;
  /** The project a project's part belongs to. */
  project?: string;
  /** Where the object is in the document (a removed one: the list it is missing from). */
  path: string;
  before?: unknown;
  after?: unknown;
}

type Named = { [k: string]: unknown };

/** Added and changed items of a named list, and the removed ones (the list given: it is the whole truth). */
function keyed<T extends Named>(kind: ChangeKind, key: keyof T & string, current: T[] | undefined, wanted: T[] | undefined, path: string, project?: string) {
  const upserts: Change[] = [];
  const removals: Change[] = [];
  if (!wanted) return { upserts, removals };
  const base = (name: string) => ({ kind, name, ...(project ? { project } : {}) });
  wanted.forEach((w, i) => {
    const c = current?.find((x) => x[key] === w[key]);
    if (!c) upserts.push({ action: "added", ...base(String(w[key])), path: `${path}.${i}`, after: w });
    else if (!same(c, w)) upserts.push({ action: "changed", ...base(String(w[key])), path: `${path}.${i}`, before: c, after: w });
  });
  for (const c of current ?? []) if (!wanted.some((w) => w[key] === c[key])) removals.push({ action: "removed", ...base(String(c[key])), path, before: c });
  return { upserts, removals };
}

/** One setting (a section holding one value): changed when given and different. */
function setting(kind: ChangeKind, name: string, current: unknown, wanted: unknown, path: string, project?: string): Change[] {
  if (wanted === undefined || same(current, wanted)) return [];
  return [{ action: "changed", kind, name, ...(project ? { project } : {}), path, before: current, after: wanted }];
}

/** The changes to one project's parts (the project itself exists); `path` is its place in the document. */
export function diffProject(current: ProjectJson, wanted: ProjectJson, path: string): Change[] {
  const p = wanted.name;
  const roles = keyed("project-role", "name", current.roles, wanted.roles, `${path}.roles`, p);
  const members = keyed("project-member", "username", current.members, wanted.members, `${path}.members`, p);
  return [
    ...roles.upserts,
    ...members.upserts,
    ...setting("project-quota", p, current.quota, wanted.quota, `${path}.quota`, p),
    ...setting("project-limits", p, current.limits, wanted.limits, `${path}.limits`, p),
    ...setting("project-network", p, current.network ?? DEFAULT_NETWORK, wanted.network, `${path}.network`, p),
    ...setting("project-podSecurity", p, current.podSecurity, wanted.podSecurity, `${path}.podSecurity`, p),
    ...members.removals,
    ...roles.removals,
  ];
}

/** The workspace's own settings that differ (displayName, description, clusters), as one change. */
function workspaceSettings(name: string, current: SpecBody, wanted: SpecBody): Change[] {
  const text = (v: string | undefined) => v || null;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of ["displayName", "description"] as const) {
    if (wanted[k] !== undefined && text(wanted[k]) !== text(current[k])) [before[k], after[k]] = [text(current[k]), text(wanted[k])];
  }
  if (wanted.clusters && !same([...wanted.clusters].sort(), [...(current.clusters ?? [])].sort())) [before.clusters, after.clusters] = [current.clusters ?? [], wanted.clusters];
  return Object.keys(after).length ? [{ action: "changed", kind: "workspace", name, path: "spec", before, after }] : [];
}

/**
 * Everything that makes `current` (as exported) what `wanted` (normalDocument()) says. A project that is new is
 * one change; its parts are compared with what creating it made (see apply.ts). No `current`: the workspace is new.
 */
export function diffSpec(current: SpecJson | null, wanted: SpecJson): Change[] {
  const name = wanted.metadata.name;
  const w = wanted.spec ?? {};
  if (!current) return [{ action: "added", kind: "workspace", name, path: "metadata.name", after: { clusters: w.clusters ?? [], ...(w.displayName ? { displayName: w.displayName } : {}), ...(w.description ? { description: w.description } : {}) } }];
  const c = current.spec ?? {};
  const roles = keyed("role", "name", c.roles, w.roles, "spec.roles");
  const members = keyed("member", "username", c.members, w.members, "spec.members");
  const quotas = keyed("quota", "cluster", c.quotas, w.quotas, "spec.quotas");
  const projects: Change[] = [];
  const removedProjects: Change[] = [];
  if (w.projects) {
    w.projects.forEach((p, i) => {
      const path = `spec.projects.${i}`;
      const now = c.projects?.find((x) => x.name === p.name);
      if (!now) projects.push({ action: "added", kind: "project", name: p.name, path, after: p });
      else if (now.cluster !== p.cluster) projects.push({ action: "changed", kind: "project", name: p.name, path: `${path}.cluster`, before: { cluster: now.cluster }, after: { cluster: p.cluster } });
      else projects.push(...diffProject(now, p, path));
    });
    for (const p of c.projects ?? []) if (!w.projects.some((x) => x.name === p.name)) removedProjects.push({ action: "removed", kind: "project", name: p.name, path: "spec.projects", before: p });
  }
  return [
    ...workspaceSettings(name, c, w),
    ...roles.upserts,
    ...members.upserts,
    ...setting("network", name, c.network, w.network, "spec.network"),
    ...setting("nodeSelector", name, c.nodeSelector ?? {}, w.nodeSelector, "spec.nodeSelector"),
    ...quotas.upserts,
    ...projects,
    ...removedProjects,
    ...members.removals,
    ...roles.removals,
    ...quotas.removals,
  ];
}

export function summarize(changes: Change[]) {
  const count = (a: Change["action"]) => changes.filter((c) => c.action === a).length;
  return { added: count("added"), changed: count("changed"), removed: count("removed") };
}

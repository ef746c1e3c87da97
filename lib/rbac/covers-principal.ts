// Acting on a principal is bounded like granting (DESIGN §3, Kubernetes' Covers rule): whoever changes,
// disables, resets, unlocks, signs out, demotes or removes someone must hold, at each scope, everything the
// target holds there. Group bindings need no extra term: what they give is the memberships they created.
import { db } from "../db/client";
import { AppError, notFound } from "../api/errors";
import { authorize, missingPermissions, projectKey, type Grant, type Principal, type Scope } from "./authorize";
import { templates, type Level, type Permission } from "./catalogue";
import { grantsFor, roleKey } from "./roles";

/** One role someone holds at one scope. scopeId as CustomRole.scopeId; workspaceId for the scope's workspace. */
export interface Holding {
  level: Level;
  scope: Scope;
  scopeId: string;
  workspaceId?: string;
  role: string;
}

interface Uncovered {
  level: Level;
  workspace?: string;
  project?: string;
  role: string;
  missing: Permission[];
}

const where = (h: Pick<Uncovered, "level" | "workspace" | "project">) =>
  h.level === "platform" ? "platform" : h.level === "workspace" ? `workspace "${h.workspace}"` : `project "${h.workspace}/${h.project}"`;

/** The actor's bindings in every scope of `holdings` (two queries), as a principal authorize() can read. */
async function actorIn(actor: Principal, holdings: Holding[]): Promise<Principal> {
  const wsIds = [...new Set(holdings.flatMap((h) => (h.workspaceId ? [h.workspaceId] : [])))];
  const projectIds = holdings.filter((h) => h.level === "project").map((h) => h.scopeId);
  if (!wsIds.length) return actor;
  const rows = await db().user.findUnique({
    where: { id: actor.userId },
    select: {
      workspaces: { where: { workspaceId: { in: wsIds } }, select: { role: true, workspaceId: true, workspace: { select: { name: true } } } },
      projects: { where: { projectId: { in: projectIds } }, select: { role: true, projectId: true, project: { select: { name: true, workspace: { select: { name: true } } } } } },
    },
  });
  const ws = (rows?.workspaces ?? []).map((m) => ({ level: "workspace" as const, scopeId: m.workspaceId, role: m.role, key: m.workspace.name }));
  const ps = (rows?.projects ?? []).map((m) => ({ level: "project" as const, scopeId: m.projectId, role: m.role, key: projectKey(m.project.workspace.name, m.project.name) }));
  const grants = await grantsFor([...ws, ...ps]);
  const toMap = (list: typeof ws | typeof ps) => new Map<string, Grant>(list.map((m) => [m.key, grants.get(roleKey(m))!]));
  return { ...actor, workspaces: toMap(ws), projects: toMap(ps) };
}

/** What of each holding the actor does not hold at that scope (platform permissions cover everything below). */
async function uncovered(actor: Principal, holdings: Holding[]): Promise<Uncovered[]> {
  const [p, grants] = await Promise.all([actorIn(actor, holdings), grantsFor(holdings)]);
  return holdings
    .map((h) => {
      const held = new Set(templates.filter((t) => t.level === h.level && authorize(p, t.name, h.scope).allowed).map((t) => t.name));
      return { level: h.level, ...h.scope, role: h.role, missing: missingPermissions(held, grants.get(roleKey(h))!.permissions) };
    })
    .filter((u) => u.missing.length);
}

/** 403 naming, per scope, what of the target's holdings the actor lacks; `target` as it reads, e.g. `user "bob"`. */
export async function assertCoversHoldings(actor: Principal, target: string, holdings: Holding[]): Promise<void> {
  const gaps = await uncovered(actor, holdings);
  if (!gaps.length) return;
  const list = gaps.map((g) => `${where(g)} role "${g.role}" (${g.missing.join(", ")})`).join("; ");
  throw new AppError(403, "not_covered", `You cannot act on ${target}, which holds permissions you do not: ${list}.`, [], { uncovered: gaps });
}

/** Everything the user holds: platform role, every workspace and project membership (or only those in one workspace). */
export async function holdingsOf(user: { id: string } | { username: string }, within?: { workspaceId: string }) {
  const inWs = within ? { workspaceId: within.workspaceId } : {};
  const u = await db().user.findUnique({
    where: "id" in user ? { id: user.id } : { username: user.username },
    select: {
      id: true,
      username: true,
      platformRole: true,
      workspaces: { where: inWs, select: { role: true, workspaceId: true, workspace: { select: { name: true } } } },
      projects: { where: { project: inWs }, select: { role: true, projectId: true, project: { select: { name: true, workspaceId: true, workspace: { select: { name: true } } } } } },
    },
  });
  if (!u) return null;
  const holdings: Holding[] = [
    ...(within ? [] : [{ level: "platform" as const, scope: {}, scopeId: "", role: u.platformRole }]),
    ...u.workspaces.map((m) => ({ level: "workspace" as const, scope: { workspace: m.workspace.name }, scopeId: m.workspaceId, workspaceId: m.workspaceId, role: m.role })),
    ...u.projects.map((m) => ({
      level: "project" as const,
      scope: { workspace: m.project.workspace.name, project: m.project.name },
      scopeId: m.projectId,
      workspaceId: m.project.workspaceId,
      role: m.role,
    })),
  ];
  return { id: u.id, username: u.username, holdings };
}

/** For every users route acting on another user: 404 if there is none, 403 unless the actor covers them; their id. */
export async function assertCoversUser(actor: Principal, username: string): Promise<string> {
  const target = await holdingsOf({ username });
  if (!target) throw notFound(`User "${username}"`);
  await assertCoversHoldings(actor, `user "${username}"`, target.holdings);
  return target.id;
}

/**
 * Platform-admin level: holding every platform permission. What can make anyone anybody (an identity
 * provider that signs people in) needs it, as OpenShift keeps its OAuth configuration to cluster-admin.
 */
export function assertHoldsEveryPlatformPermission(actor: Principal, what: string): void {
  const missing = missingPermissions(
    actor.active ? actor.platform.permissions : new Set(),
    templates.filter((t) => t.level === "platform").map((t) => t.name),
  );
  if (missing.length) throw new AppError(403, "not_covered", `${what} needs every platform permission; you lack ${missing.join(", ")}.`, [], { missing });
}

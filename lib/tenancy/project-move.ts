// Moving a project to another workspace of the same cluster (#17 item 2). One plan, made under both pools'
// locks, answers the dry run and drives the move; the move is one transaction with its audit events. The
// namespace stays: the reconciler relabels it (`tenantry.io/workspace`) and rewrites its policies and RoleBindings.
// Other projects' policies select namespaces by that label, so they admit or stop admitting it by themselves.
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { audited } from "../audit/context";
import { AppError, conflict, invalid, notFound } from "../api/errors";
import { authorize, type Principal } from "../rbac/authorize";
import { builtinRole } from "../rbac/catalogue";
import { assertCovers } from "../rbac/escalation";
import { assertCoversHoldings } from "../rbac/covers-principal";
import { requestReconcile } from "../kube/controller/enqueue";
import { desiredNamespace } from "../kube/namespace";
import { desiredPolicies } from "../kube/network";
import { verdict, type NamespaceInfo, type State } from "../kube/connectivity";
import { effectiveHard, type Hard } from "../kube/quota";
import { add, formatQuantity, parseQuantity } from "@/sim/quantity";
import { allocated, hardOf, lockPool, overPool } from "./quotas";
import { live } from "./expiry";
import type { ProjectNetwork } from "../schemas/network";
import type { MoveMembers } from "../schemas/project";

type Tx = Prisma.TransactionClient;

/** The role an invited member gets in the target: the least that lets them reach the workspace. */
export const INVITED_ROLE = "regular";

interface PoolChange {
  hard: Hard | null;
  allocated: { before: Hard; after: Hard };
}

export interface MovePlan {
  project: string;
  cluster: string;
  from: string;
  to: string;
  members: MoveMembers;
  dryRun: boolean;
  namespace: { name: string; labels: { before: Record<string, string>; after: Record<string, string> }; deleted: false };
  memberships: {
    kept: { username: string; role: string; workspaceRole: string }[];
    dropped: { username: string; role: string }[];
    invited: { username: string; role: string; workspaceRole: string }[];
  };
  groupBindings: { provider: string; group: string; role: string }[];
  roles: { moved: string[]; notInTarget: { username: string; role: string }[] };
  quota: { project: Hard; effective: { before: Hard; after: Hard }; source: PoolChange; target: PoolChange };
  network: {
    policies: { name: string; change: "added" | "changed" | "removed" }[];
    connections: { from: string; to: string; before: State; after: State }[];
  };
}

interface Request {
  workspace: string;
  members: MoveMembers;
  dryRun: boolean;
}

/** Both sides of the move as the caller asked for them: `actor` holds the source's bindings, `inTarget` the target's. */
export interface MoveActor {
  actor: Principal;
  inTarget: Principal;
}

function plus(a: Hard, b: Hard): Hard {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return Object.fromEntries(keys.map((k) => [k, formatQuantity(add(parseQuantity(a[k] ?? "0"), parseQuantity(b[k] ?? "0")))]));
}

async function load(ws: string, name: string, target: string) {
  const p = await db().project.findFirst({
    where: { name, workspace: { name: ws } },
    include: {
      cluster: { select: { name: true } },
      workspace: { select: { id: true, name: true, networkIsolated: true } },
      roles: { select: { name: true }, orderBy: { name: "asc" } },
      members: { where: live(), select: { userId: true, role: true, expiresAt: true, user: { select: { username: true } } }, orderBy: { user: { username: "asc" } } },
    },
  });
  if (!p) throw notFound(`Project "${name}"`);
  const t = await db().workspace.findUnique({
    where: { name: target },
    select: { id: true, name: true, networkIsolated: true, clusters: { where: { clusterId: p.clusterId }, select: { clusterId: true } } },
  });
  if (!t) throw notFound(`Workspace "${target}"`);
  return { p, t };
}
type Loaded = Awaited<ReturnType<typeof load>>;

/** Refusals that need no lock: the same workspace, a project on its way out, a target not on its cluster. */
function assertMovable({ p, t }: Loaded) {
  if (t.id === p.workspaceId) throw invalid([{ path: "workspace", message: `Project "${p.name}" is already in workspace "${t.name}".` }]);
  if (p.status === "terminating") throw conflict(`Project "${p.name}" is being deleted.`);
  if (!t.clusters.length) throw invalid([{ path: "workspace", message: `Workspace "${t.name}" is not authorised on cluster "${p.cluster.name}".` }]);
}

async function quotaPlan(tx: Tx, { p, t }: Loaded) {
  // Two pools, locked in one order, so two moves in opposite directions cannot deadlock.
  for (const id of [p.workspaceId, t.id].sort()) await lockPool(tx, id, p.clusterId);
  const poolOf = async (workspaceId: string) =>
    ((await tx.workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId, clusterId: p.clusterId } } }))?.hard as Hard | undefined) ?? null;
  const [sourcePool, targetPool] = await Promise.all([poolOf(p.workspaceId), poolOf(t.id)]);
  const own = hardOf(p.quota) ?? {};
  const [sourceBefore, sourceAfter, targetBefore] = await Promise.all([
    allocated(tx, p.workspaceId, p.clusterId),
    allocated(tx, p.workspaceId, p.clusterId, p.id),
    allocated(tx, t.id, p.clusterId),
  ]);
  // The quota 422s' own check and wording: each pooled key the project's share does not fit, named.
  const issues = targetPool ? overPool(targetPool, targetBefore, own, "quota.hard") : [];
  if (issues.length) throw invalid(issues, `Project "${p.name}"'s quota does not fit workspace "${t.name}"'s pool on cluster "${p.cluster.name}".`);
  return {
    project: own,
    effective: { before: effectiveHard(own, Object.keys(sourcePool ?? {})), after: effectiveHard(own, Object.keys(targetPool ?? {})) },
    source: { hard: sourcePool, allocated: { before: sourceBefore, after: sourceAfter } },
    target: { hard: targetPool, allocated: { before: targetBefore, after: plus(targetBefore, own) } },
  };
}

async function memberPlan(tx: Tx, { p, t }: Loaded, members: MoveMembers) {
  const [inTarget, inSource] = await Promise.all([
    tx.workspaceMember.findMany({ where: { workspaceId: t.id, userId: { in: p.members.map((m) => m.userId) }, ...live() }, select: { userId: true, role: true } }),
    tx.workspaceMember.findMany({ where: { workspaceId: p.workspaceId, userId: { in: p.members.map((m) => m.userId) } }, select: { userId: true, role: true } }),
  ]);
  const targetRole = new Map(inTarget.map((m) => [m.userId, m.role]));
  const outside = p.members.filter((m) => !targetRole.has(m.userId));
  if (outside.length && members === "refuse") {
    throw new AppError(
      409,
      "members_not_in_target",
      `Members of project "${p.name}" are not members of workspace "${t.name}": move with members "drop" or "invite".`,
      outside.map((m) => ({ path: "members", message: `"${m.user.username}" is not a member of workspace "${t.name}".` })),
      { members: outside.map((m) => m.user.username) },
    );
  }
  const row = (m: (typeof p.members)[number]) => ({ username: m.user.username, role: m.role });
  // Workspace roles of the source the members hold there and the target has no role of that name.
  const sourceRoles = new Map(inSource.map((m) => [m.userId, m.role]));
  const customNames = new Set((await tx.customRole.findMany({ where: { level: "workspace", scopeId: t.id }, select: { name: true } })).map((r) => r.name));
  const notInTarget = p.members.flatMap((m) => {
    const role = sourceRoles.get(m.userId);
    return role && !builtinRole("workspace", role) && !customNames.has(role) ? [{ username: m.user.username, role }] : [];
  });
  return {
    outside,
    memberships: {
      kept: p.members.filter((m) => targetRole.has(m.userId)).map((m) => ({ ...row(m), workspaceRole: targetRole.get(m.userId)! })),
      dropped: members === "drop" ? outside.map(row) : [],
      invited: members === "invite" ? outside.map((m) => ({ ...row(m), workspaceRole: INVITED_ROLE })) : [],
    },
    notInTarget,
  };
}

const NAME_LABEL = "kubernetes.io/metadata.name";
const info = (ws: string, name: string): NamespaceInfo => ({ name, labels: { ...desiredNamespace(ws, name).metadata!.labels, [NAME_LABEL]: name } });

/** The project's own policies before and after, and every connection to or from it that changes, among the
 *  projects of both workspaces on its cluster the caller may see (Tenantry's policies, as the reconciler writes them). */
async function networkPlan(tx: Tx, { p, t }: Loaded, seesTarget: boolean): Promise<MovePlan["network"]> {
  const net = (p.network as ProjectNetwork | null) ?? undefined;
  const before = desiredPolicies(p.name, p.workspace.name, p.workspace.networkIsolated, net);
  const after = desiredPolicies(p.name, t.name, t.networkIsolated, net);
  const policies: MovePlan["network"]["policies"] = [];
  for (const a of after) {
    const b = before.find((x) => x.metadata!.name === a.metadata!.name);
    if (!b) policies.push({ name: a.metadata!.name!, change: "added" });
    else if (JSON.stringify(b.spec) !== JSON.stringify(a.spec)) policies.push({ name: a.metadata!.name!, change: "changed" });
  }
  for (const b of before) if (!after.some((a) => a.metadata!.name === b.metadata!.name)) policies.push({ name: b.metadata!.name!, change: "removed" });

  const peers = await tx.project.findMany({
    where: { clusterId: p.clusterId, id: { not: p.id }, workspaceId: { in: seesTarget ? [p.workspaceId, t.id] : [p.workspaceId] } },
    select: { name: true, network: true, workspace: { select: { name: true, networkIsolated: true } } },
    orderBy: { name: "asc" },
  });
  const peerPolicies = peers.flatMap((x) => desiredPolicies(x.name, x.workspace.name, x.workspace.networkIsolated, (x.network as ProjectNetwork | null) ?? undefined));
  const moving = { before: info(p.workspace.name, p.name), after: info(t.name, p.name) };
  const connections: MovePlan["network"]["connections"] = [];
  for (const x of peers) {
    const peer = info(x.workspace.name, x.name);
    for (const [from, to] of [[p.name, x.name], [x.name, p.name]] as const) {
      const state = (side: "before" | "after", policies: typeof before) => {
        const all = [...peerPolicies, ...policies];
        return from === p.name ? verdict(moving[side], peer, all).state : verdict(peer, moving[side], all).state;
      };
      const [b, a] = [state("before", before), state("after", after)];
      if (b !== a) connections.push({ from, to, before: b, after: a });
    }
  }
  return { policies, connections };
}

async function plan(tx: Tx, loaded: Loaded, req: Request, who: MoveActor) {
  const { p, t } = loaded;
  if (await tx.project.findFirst({ where: { workspaceId: t.id, name: p.name }, select: { id: true } }))
    throw conflict(`Workspace "${t.name}" already has a project named "${p.name}".`, "already_exists");
  const quota = await quotaPlan(tx, loaded);
  const members = await memberPlan(tx, loaded, req.members);
  const bindings = await tx.groupBinding.findMany({
    where: { workspace: p.workspace.name, project: p.name },
    select: { group: true, role: true, provider: { select: { name: true } } },
    orderBy: [{ group: "asc" }],
  });
  const seesTarget = authorize(who.inTarget, "projects.view", { workspace: t.name }).allowed;
  const result: MovePlan = {
    project: p.name,
    cluster: p.cluster.name,
    from: p.workspace.name,
    to: t.name,
    members: req.members,
    dryRun: req.dryRun,
    namespace: { name: p.name, labels: { before: desiredNamespace(p.workspace.name, p.name).metadata!.labels!, after: desiredNamespace(t.name, p.name).metadata!.labels! }, deleted: false },
    memberships: members.memberships,
    groupBindings: bindings.map((b) => ({ provider: b.provider.name, group: b.group, role: b.role })),
    roles: { moved: p.roles.map((r) => r.name), notInTarget: members.notInTarget },
    quota,
    network: await networkPlan(tx, loaded, seesTarget),
  };
  return { result, outside: members.outside };
}

/**
 * Dropping members is removing them, bounded by Covers as removeMember is; inviting grants the invited role in the
 * target. Checked before the transaction: these read the database on their own connection.
 */
async function assertCoversMembers({ p, t }: Loaded, members: MoveMembers, who: MoveActor) {
  if (members === "refuse") return;
  const inTarget = new Set((await db().workspaceMember.findMany({ where: { workspaceId: t.id, ...live() }, select: { userId: true } })).map((m) => m.userId));
  const outside = p.members.filter((m) => !inTarget.has(m.userId));
  if (!outside.length) return;
  if (members === "invite") return assertCovers(who.inTarget, "workspace", { workspace: t.name }, builtinRole("workspace", INVITED_ROLE)!.templates);
  const scope = { workspace: p.workspace.name, project: p.name };
  await assertCoversHoldings(who.actor, `project "${p.name}"`, outside.map((m) => ({ level: "project" as const, scope, scopeId: p.id, workspaceId: p.workspaceId, role: m.role })));
}

/**
 * Plans the move of `ws`/`name` to `req.workspace` and, unless a dry run, makes it: the project's workspace (its
 * quota, limits, allow-lists and custom roles are its own and go with it), its memberships, its group bindings,
 * and where its audit history shows. Refusals are the same for a dry run: 404, 409 (name taken, members outside
 * the target), 422 (not placed on the cluster, quota over the target's pool, naming each key).
 */
export async function moveProject(ws: string, name: string, req: Request, who: MoveActor): Promise<MovePlan> {
  const loaded = await load(ws, name, req.workspace);
  assertMovable(loaded);
  await assertCoversMembers(loaded, req.members, who);
  const { p, t } = loaded;
  const details = { from: p.workspace.name, to: t.name, members: req.members };
  // A dry run is recorded too, as Kubernetes audits its dry runs, saying it was one.
  if (req.dryRun) return audited(async (tx) => (await plan(tx, loaded, req, who)).result, { ...details, dryRun: true });
  return audited(async (tx) => {
    const { result, outside } = await plan(tx, loaded, req, who);
    await tx.project.update({ where: { id: p.id }, data: { workspaceId: t.id } });
    if (req.members === "drop") await tx.projectMember.deleteMany({ where: { projectId: p.id, userId: { in: outside.map((m) => m.userId) } } });
    // An invitation ends when the project membership it serves does (a time-bound one stays time-bound); it
    // replaces an ended membership not yet cleared away.
    if (req.members === "invite")
      for (const m of outside) {
        const invited = { role: INVITED_ROLE, expiresAt: m.expiresAt, viaBindings: false };
        await tx.workspaceMember.upsert({ where: { workspaceId_userId: { workspaceId: t.id, userId: m.userId } }, create: { workspaceId: t.id, userId: m.userId, ...invited }, update: invited });
      }
    await tx.groupBinding.updateMany({ where: { workspace: p.workspace.name, project: p.name }, data: { workspace: t.name } });
    await keepHistory(tx, p.name, p.workspace.name, t.id, t.name);
    // Its namespace, policies and RoleBindings: the reconciler, from this transaction's generation on.
    await requestReconcile(tx, { id: p.id });
    return result;
  }, details);
}

/**
 * The project's past stays where it was recorded (events are sealed) and becomes the target's to search too:
 * everything the source holds about it up to now — the move's own event, recorded in the source with this
 * transaction, included — and what earlier moves brought into the source. One event, found from both.
 */
async function keepHistory(tx: Tx, project: string, from: string, toId: string, to: string) {
  const before = new Date();
  const earlier = await tx.auditAlias.findMany({ where: { workspace: { name: from }, project }, select: { fromWorkspace: true, before: true } });
  const aliases = [{ fromWorkspace: from, before }, ...earlier.map((a) => ({ fromWorkspace: a.fromWorkspace, before: a.before }))];
  await tx.auditAlias.createMany({ data: aliases.filter((a) => a.fromWorkspace !== to).map((a) => ({ ...a, workspaceId: toId, project })) });
}

// Each change of a spec made as its own route makes it: the same permission at the same scope, the same extra
// checks (placement, quota openings, pod security, escalation and Covers in the services), the same service call,
// and one audit event under the route's action. A spec cannot do what its author cannot.
import { randomUUID } from "node:crypto";
import type { Prisma, User } from "@prisma/client";
import { AppError, invalid } from "../../api/errors";
import { record, type AuditInput } from "../../audit/record";
import { withAuditContext, type AuditContext } from "../../audit/context";
import type { Hard } from "../../kube/quota";
import type { LimitsBody, PodSecurityLevel } from "../../schemas/quota";
import type { ProjectNetwork } from "../../schemas/network";
import { createWorkspace, requirePlacement, updateWorkspace } from "../workspaces";
import { addMember, changeMember, removeMember } from "../members";
import { createRole, deleteRole, updateRole } from "../roles";
import { deleteWorkspaceQuota, putProjectQuota, putWorkspaceQuota, requireQuotaOpenings } from "../quotas";
import { putLimits } from "../quotas-limits";
import { putProjectNetwork, putWorkspaceNetwork } from "../network";
import { putNodeSelector, putPodSecurity } from "../isolation";
import { createProject, deleteProject } from "../projects";
import { resolveScope } from "../scope";
import { principalIn, requireIn } from "./author";
import type { Change } from "./diff";
import type { MemberJson, QuotaJson, RoleJson } from "./normalize";

export interface Author {
  user: User;
  /** Who asked, from where: the part of each change's audit event the request gives. */
  event: Pick<AuditInput, "username" | "sourceIp" | "userAgent" | "receivedAt">;
}

const VERB = { added: "create", changed: "update", removed: "delete" } as const;

/** The route each kind of change is, for its audit event: action prefix (or per verb), resource. */
const ROUTES: Record<Change["kind"], { action: string | Partial<Record<Change["action"], string>>; resource: string }> = {
  workspace: { action: "workspace", resource: "workspaces" },
  member: { action: "workspace-member", resource: "members" },
  role: { action: "workspace-role", resource: "roles" },
  quota: { action: { added: "workspace.quota.update", changed: "workspace.quota.update", removed: "workspace.quota.delete" }, resource: "quotas" },
  network: { action: { changed: "workspace.network.update" }, resource: "network" },
  nodeSelector: { action: { changed: "workspace.node-selector.update" }, resource: "node-selector" },
  project: { action: "project", resource: "projects" },
  "project-member": { action: "project-member", resource: "members" },
  "project-role": { action: "project-role", resource: "roles" },
  "project-quota": { action: { changed: "project.quota.update" }, resource: "resourcequotas" },
  "project-limits": { action: { changed: "project.limits.update" }, resource: "limitranges" },
  "project-network": { action: { changed: "project.network.update" }, resource: "networkpolicies" },
  "project-podSecurity": { action: { changed: "project.pod-security.update" }, resource: "namespaces" },
};

function eventOf(ws: string, c: Change, author: Author): AuditInput {
  const r = ROUTES[c.kind];
  const action = typeof r.action === "string" ? `${r.action}.${VERB[c.action]}` : r.action[c.action]!;
  const name = c.kind.startsWith("project-") && !["project-member", "project-role"].includes(c.kind) ? c.project! : c.name;
  return {
    ...author.event,
    auditId: randomUUID(),
    action,
    verb: VERB[c.action],
    outcome: "success",
    statusCode: c.action === "added" ? 201 : c.action === "removed" ? (c.kind === "project" ? 202 : 204) : 200,
    resource: r.resource,
    name,
    workspace: ws,
    project: c.kind === "project" ? c.name : (c.project ?? null),
    namespace: c.kind === "project" ? c.name : (c.project ?? null),
    cluster: c.kind === "quota" ? c.name : null,
    request: { spec: true, path: c.path },
  };
}

const memberBody = (m: MemberJson) => ({ role: m.role, expiresAt: m.expiresAt ? new Date(m.expiresAt) : null });
const roleBody = (r: RoleJson) => ({ displayName: r.displayName, description: r.description, templates: r.templates });

/** Makes one change in `tx` (the apply's transaction), with its audit event; errors name the change's place in the document. */
export async function runChange(ws: string, c: Change, author: Author, tx: Prisma.TransactionClient): Promise<void> {
  const event = eventOf(ws, c, author);
  // Services that audit append `event` themselves (audited()); the others' changes are recorded here, as route() would.
  const audit: AuditContext = { event: () => event, recorded: false };
  try {
    await withAuditContext(audit, () => make(ws, c, author));
  } catch (err) {
    throw located(err, c);
  }
  if (!audit.recorded) await record(event, tx);
}

async function make(ws: string, c: Change, { user }: Author): Promise<void> {
  const require = requireIn(user);
  const wsScope = { workspace: ws };
  const pScope = { workspace: ws, project: c.project ?? c.name };
  const after = c.after as never;
  switch (c.kind) {
    case "workspace": {
      const a = c.after as { clusters?: string[]; displayName?: string | null; description?: string | null };
      if (c.action === "added") {
        await require("workspaces.create", {});
        if (a.clusters?.length) await requirePlacement(require);
        await createWorkspace({ name: ws, clusters: a.clusters ?? [], displayName: a.displayName ?? undefined, description: a.description ?? undefined }, user);
        return;
      }
      await require("workspace-settings.manage", wsScope);
      if (a.clusters) await requirePlacement(require);
      await updateWorkspace(ws, a);
      return;
    }
    case "member":
    case "project-member": {
      const scope = c.kind === "member" ? wsScope : pScope;
      await require(`${c.kind === "member" ? "workspace" : "project"}-members.manage`, scope);
      const [ref, actor] = [await resolveScope(scope), await principalIn(user, scope)];
      if (c.action === "added") await addMember(ref, actor, { username: c.name, ...memberBody(after), expiresAt: memberBody(after).expiresAt ?? undefined });
      else if (c.action === "changed") await changeMember(ref, actor, c.name, memberBody(after));
      else await removeMember(ref, actor, c.name);
      return;
    }
    case "role":
    case "project-role": {
      const scope = c.kind === "role" ? wsScope : pScope;
      await require(`${c.kind === "role" ? "workspace" : "project"}-roles.manage`, scope);
      const [ref, actor] = [await resolveScope(scope), await principalIn(user, scope)];
      if (c.action === "added") await createRole(ref, actor, { name: c.name, ...roleBody(after) });
      else if (c.action === "changed") await updateRole(ref, actor, c.name, roleBody(after));
      else await deleteRole(ref, actor, c.name);
      return;
    }
    case "quota": {
      await require("workspace-quotas.manage", wsScope);
      if (c.action === "removed") return deleteWorkspaceQuota(ws, c.name);
      const q = c.after as QuotaJson;
      if (q.defaultProject) await requireQuotaOpenings(q.defaultProject.hard as Hard, "defaultProject.hard", require);
      await putWorkspaceQuota(ws, c.name, { hard: q.hard as Hard, defaultProject: (q.defaultProject as { hard: Hard } | undefined) ?? null });
      return;
    }
    case "network":
      await require("workspace-network.manage", wsScope);
      await putWorkspaceNetwork(ws, (c.after as { isolated: boolean }).isolated);
      return;
    case "nodeSelector":
      await require("workspace-settings.manage", wsScope);
      await require("workspaces.manage", {});
      await putNodeSelector(ws, c.after as Record<string, string>);
      return;
    case "project":
      if (c.action === "added") {
        await require("projects.create", wsScope);
        await createProject(ws, { name: c.name, cluster: (c.after as { cluster: string }).cluster }, user, await principalIn(user, wsScope));
      } else if (c.action === "removed") {
        await require("project-settings.manage", pScope);
        await deleteProject(ws, c.name);
      } else {
        throw invalid([{ path: "", message: `A project stays on its cluster ("${(c.before as { cluster: string }).cluster}"): delete it and create another.` }]);
      }
      return;
    case "project-quota": {
      await require("project-quota.manage", pScope);
      const hard = (c.after as { hard: Hard }).hard;
      await requireQuotaOpenings(hard, "hard", require);
      await putProjectQuota(ws, c.name, { hard });
      return;
    }
    case "project-limits":
      await require("project-quota.manage", pScope);
      await putLimits(ws, c.name, c.after as LimitsBody);
      return;
    case "project-network":
      await require("project-network.manage", pScope);
      await putProjectNetwork(ws, c.name, c.after as ProjectNetwork);
      return;
    case "project-podSecurity": {
      await require("project-settings.manage", pScope);
      // Anything below `restricted` lets pods reach the node: only platform admins lower the wall (as the route).
      if (c.after !== "restricted") await require("workspaces.manage", {});
      await putPodSecurity(ws, c.name, c.after as PodSecurityLevel);
      return;
    }
  }
}

/** The same problem, saying which object of the document it is about and with field paths inside the document. */
function located(err: unknown, c: Change): unknown {
  // A 404 says only that something cannot be seen; it stays as it is.
  if (!(err instanceof AppError) || err.status === 404) return err;
  const at = (p: string) => [c.path, p].filter(Boolean).join(".");
  const issues = err.issues.length ? err.issues.map((i) => ({ ...i, path: at(i.path) })) : err.status === 422 ? [{ path: c.path, message: err.message }] : [];
  const object = `${c.kind} ${c.project && c.kind !== "project" && c.project !== c.name ? `${c.project}/` : ""}${c.name}`;
  return new AppError(err.status, err.code, `${object} (${c.path}): ${err.message}`, issues, { ...err.extra, object, path: c.path });
}

// A project's default container limits (its LimitRange). Checked here so a bad range is a 422 with the
// field, not a cluster error later: min ≤ defaultRequest ≤ default ≤ max for every resource.
import { db } from "../db/client";
import { invalid, notFound, type FieldIssue } from "../api/errors";
import { compare, parseQuantity } from "@/sim/quantity";
import { canonicalHard, effectiveHard, type Hard } from "../kube/quota";
import { desiredLimitItem, desiredLimitRange, effectiveLimits, type Limits } from "../kube/limits";
import { wireYaml } from "../kube/wire";
import { requestReconcile } from "../kube/controller/enqueue";
import type { LimitsBody } from "../schemas/quota";

const ORDER = ["min", "defaultRequest", "default", "max"] as const;

export function limitIssues(l: LimitsBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const resources = new Set(ORDER.flatMap((k) => Object.keys(l[k] ?? {})));
  for (const res of resources) {
    const present = ORDER.filter((k) => l[k]?.[res] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const [lo, hi] = [present[i - 1]!, present[i]!];
      if (compare(parseQuantity(l[lo]![res]!), parseQuantity(l[hi]![res]!)) > 0) {
        issues.push({ path: `${hi}.${res}`, message: `${res}: ${hi} ${l[hi]![res]} is below ${lo} ${l[lo]![res]}.` });
      }
    }
  }
  return issues;
}

async function row(ws: string, project: string) {
  const p = await db().project.findFirst({ where: { name: project, workspace: { name: ws } }, select: { id: true, name: true, limits: true, quota: true, workspaceId: true, clusterId: true } });
  if (!p) throw notFound(`Project "${project}"`);
  return p;
}

/**
 * What was set, what the cluster gets (with automatic cpu/memory defaults when the quota needs them, and Kubernetes'
 * own defaulting), where each value in effect comes from, and the LimitRange applied, as YAML the API server takes.
 */
export async function getLimits(ws: string, project: string) {
  const p = await row(ws, project);
  const pool = await db().workspaceQuota.findUnique({ where: { workspaceId_clusterId: { workspaceId: p.workspaceId, clusterId: p.clusterId } }, select: { hard: true } });
  const hard = effectiveHard((p.quota as { hard?: Hard } | null)?.hard, Object.keys((pool?.hard as Hard | undefined) ?? {}));
  const own = (p.limits as Limits | null) ?? undefined;
  const item = desiredLimitItem(own, hard);
  const inEffect = effectiveLimits(own, hard);
  return {
    limits: own ?? {},
    effective: inEffect?.effective ?? null,
    sources: inEffect?.sources ?? {},
    yaml: item ? wireYaml([desiredLimitRange(p.name, item)]) : null,
  };
}

export async function putLimits(ws: string, project: string, body: LimitsBody) {
  const issues = limitIssues(body);
  if (issues.length) throw invalid(issues, issues[0]!.message);
  const p = await row(ws, project);
  const limits = Object.fromEntries(ORDER.filter((k) => body[k] && Object.keys(body[k]!).length).map((k) => [k, canonicalHard(body[k]!)]));
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: p.id }, data: { limits } });
    await requestReconcile(tx, { id: p.id });
  });
  return getLimits(ws, project);
}

// The platform dashboard's numbers: counts from the database, quota sums per cluster, usage from each
// cluster's own ResourceQuotas (one list per cluster, bounded by withTimeout so a down cluster only blanks its row).
import "server-only";
import { db } from "@/lib/db/client";
import { kubeSentence } from "@/lib/kube/errors";
import { readQuotaUsage, type Hard } from "@/lib/kube/quota";
import { add, formatQuantity, parseQuantity, zero, type Quantity } from "@/sim/quantity";

type Sums = Map<string, Quantity>;

function addAll(sums: Sums, hard: Hard | undefined, keys?: Set<string>) {
  for (const [k, v] of Object.entries(hard ?? {})) {
    if (keys && !keys.has(k)) continue;
    try {
      sums.set(k, add(sums.get(k) ?? zero(), parseQuantity(v)));
    } catch {
      // A malformed quantity in stored JSON is skipped rather than failing the whole dashboard.
    }
  }
}
const out = (sums: Sums): Hard => Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, formatQuantity(v)]));
const hardOf = (json: unknown): Hard | undefined => (json as { hard?: Hard } | null)?.hard;

export async function clusterQuotas() {
  const clusters = await db().cluster.findMany({ orderBy: { name: "asc" } });
  return Promise.all(
    clusters.map(async (c) => {
      const [pools, projects] = await Promise.all([
        db().workspaceQuota.findMany({ where: { clusterId: c.id }, select: { hard: true } }),
        db().project.findMany({ where: { clusterId: c.id }, select: { quota: true } }),
      ]);
      const pooled: Sums = new Map();
      for (const p of pools) addAll(pooled, p.hard as Hard);
      const keys = new Set(pooled.keys());
      const allocated: Sums = new Map();
      for (const p of projects) addAll(allocated, hardOf(p.quota), keys);
      let used: Hard | null = null;
      let usageError: string | null = null;
      if (keys.size && projects.length) {
        try {
          const sums: Sums = new Map();
          for (const u of await readQuotaUsage(c)) addAll(sums, u.used, keys);
          used = out(sums);
        } catch (err) {
          usageError = kubeSentence(err, `dashboard quota usage of ${c.name}`);
        }
      }
      return { cluster: c.name, pooled: out(pooled), allocated: out(allocated), used, usageError };
    }),
  );
}

export async function platformCounts() {
  const [workspaces, users, byStatus, inError] = await Promise.all([
    db().workspace.count(),
    db().user.count(),
    db().project.groupBy({ by: ["status"], _count: { _all: true } }),
    db().project.findMany({
      where: { status: "error" },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { name: true, statusMessage: true, updatedAt: true, workspace: { select: { name: true } }, cluster: { select: { name: true } } },
    }),
  ]);
  const projects = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]));
  return {
    workspaces,
    users,
    projects: { total: byStatus.reduce((n, s) => n + s._count._all, 0), ...projects },
    projectsInError: inError.map((p) => ({ name: p.name, workspace: p.workspace.name, cluster: p.cluster.name, message: p.statusMessage, since: p.updatedAt })),
  };
}

// Reconcile N projects (default 1,000; TENANTRY_BENCH_PROJECTS) against the in-process simulator: time to
// all `ready`, requests sent per project on the first pass, on a steady pass (which must write nothing) and
// after drift. Database: TENANTRY_BENCH_DATABASE_URL, else a throwaway Debian PostgreSQL 15 server (as CI
// uses; as root only, it runs as `postgres`), else the embedded PGlite (one backend session: slower).
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/setup/migrate";
import { startSimulator } from "../sim/index";
import { hasPostgres15, startBenchPostgres } from "./support/postgres";

async function throwawayPostgres() {
  if (!hasPostgres15() || process.getuid?.() !== 0) return undefined;
  const server = await startBenchPostgres("postgres_bench");
  return { url: server.url, stop: async () => server.stop() };
}

const N = Number(process.env.TENANTRY_BENCH_PROJECTS ?? 1000);
const given = process.env.TENANTRY_BENCH_DATABASE_URL;
const pg15 = given ? undefined : await throwawayPostgres();
const embedded = given || pg15 ? undefined : await startEmbeddedPostgres();
const CONCURRENCY = Number(process.env.TENANTRY_BENCH_CONCURRENCY ?? 16);
const url = given ?? pg15?.url ?? embedded!.url;
await migrate(url);
process.env.DATABASE_URL = url;
process.env.TENANTRY_SECRET_KEY ??= "bench-secret-key";
process.env.TENANTRY_KUBE_TIMEOUT_MS ??= "30000";

// Imported after DATABASE_URL is set: the Prisma client reads it on first use.
const { db } = await import("../lib/db/client");
const { registerCluster } = await import("../lib/tenancy/clusters");
const { reconcileAll } = await import("../lib/kube/reconciler");

const sim = await startSimulator({ name: "bench" });
const run = Date.now().toString(36);
await registerCluster({ name: `bench-${run}`, kubeconfig: sim.kubeconfig() });
const cluster = await db().cluster.findUniqueOrThrow({ where: { name: `bench-${run}` } });
const ws = await db().workspace.create({ data: { name: `bench-${run}`, networkIsolated: true, clusters: { create: { clusterId: cluster.id } } } });
await db().workspaceQuota.create({ data: { workspaceId: ws.id, clusterId: cluster.id, hard: { "requests.cpu": `${N}`, "requests.memory": `${N}Gi` } } });
await db().project.createMany({
  data: Array.from({ length: N }, (_, i) => ({
    name: `b${run}-${i}`,
    workspaceId: ws.id,
    clusterId: cluster.id,
    quota: { hard: { "requests.cpu": "1", "requests.memory": "1Gi" } },
    network: i % 2 ? { isolated: true, allow: [{ workspace: ws.name }], egress: { isolated: true, allow: [] } } : undefined,
  })),
});

const WRITES = ["POST", "PUT", "PATCH", "DELETE"];
async function pass(label: string) {
  sim.stats(true);
  const t0 = performance.now();
  const counts = await reconcileAll(CONCURRENCY, ws.id);
  const ms = performance.now() - t0;
  const stats = sim.stats();
  const total = Object.values(stats).reduce((a, b) => a + b, 0);
  const writes = WRITES.reduce((a, m) => a + (stats[m] ?? 0), 0);
  return { pass: label, projects: N, ready: counts.ready, "time (s)": (ms / 1000).toFixed(2), "requests/project": (total / N).toFixed(2), "writes/project": (writes / N).toFixed(2), writes };
}

const rows = [await pass("first (create all)")];
const errors = await db().project.groupBy({ by: ["statusMessage"], where: { workspaceId: ws.id, status: "error" }, _count: true });
for (const e of errors) console.error(`${e._count} project(s) in error: ${e.statusMessage}`);
rows.push(await pass("steady (no drift)"));
// Drift: remove every tenth project's quota by hand, as kubectl would.
const { CoreV1Api, KubeConfig } = await import("@kubernetes/client-node");
const kc = new KubeConfig();
kc.loadFromString(sim.kubeconfig());
const core = kc.makeApiClient(CoreV1Api);
for (let i = 0; i < N; i += 10) await core.deleteNamespacedResourceQuota({ namespace: `b${run}-${i}`, name: "tenantry-quota" });
rows.push(await pass(`drift (${Math.ceil(N / 10)} quotas deleted)`));
console.log(`reconcile: ${N} projects on one simulated cluster, ${given ? "given PostgreSQL" : pg15 ? "PostgreSQL 15" : "PGlite"}, concurrency ${CONCURRENCY}, workspace isolated, half the projects with project + egress isolation`);
console.table(rows);

const steady = rows[1]!;
await sim.stop();
await db().$disconnect();
await pg15?.stop();
await embedded?.stop();
if (steady.writes !== 0 || rows[0]!.ready !== N) {
  console.error(`FAIL: steady pass sent ${steady.writes} writes; ${rows[0]!.ready}/${N} ready after the first pass`);
  process.exit(1);
}

// The reconciler at scale, in the two shapes of issue #14 item 6, each in a process of its own (so one's caches
// do not weigh on the other's RSS): 10,000 projects on one cluster, then 3 clusters × 3,000.
// RECONCILE_BENCH_PROJECTS (total) and RECONCILE_BENCH_CLUSTERS run one shape instead. Clusters are real API servers (our own realkube instances,
// ../shared/kube/realkube, never the shared one) when that script exists, else simulators
// (RECONCILE_BENCH_TARGET=sim|realkube forces one). The console reaches each directly with Tenantry's kubeconfig, as
// in production; "requests" are what this process sent it (bench/support/request-count.ts), watch streams apart.
// Measures, for the watch-driven controller: time until all ready; over RECONCILE_BENCH_STEADY_S (300) of
// steady state, requests/s, the console's CPU and RSS; drift repair from a deletion of a managed object to its
// return, over RECONCILE_BENCH_DELETIONS (100) `kubectl delete`s (timed from kubectl's start). Then, beside it, what the old polling design cost: one full
// pass of the same Reconcile forced uncached (reading the cluster instead of the cache), every 10 s. And the
// limit: the same objects written straight to the same API server with the same credentials by a plain client at the
// same concurrency (no database, no controller), over RECONCILE_BENCH_RAW_SAMPLE projects (1,000) and scaled.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { KubeConfig, CoreV1Api, NetworkingV1Api, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { migrate } from "../lib/setup/migrate";
import { startSimulator } from "../sim/index";
import { hasPostgres15, percentile, startBenchPostgres } from "./support/postgres";
import { countRequests, type RequestCount } from "./support/request-count";
import { REALKUBE } from "../tests/support/realkube";
import { freePort } from "../lib/net/free-port";

if (!process.env.RECONCILE_BENCH_PROJECTS && !process.env.RECONCILE_BENCH_CLUSTERS) {
  let failed = 0;
  for (const [projects, clusters] of [[10_000, 1], [9_000, 3]]) {
    const env = { ...process.env, RECONCILE_BENCH_PROJECTS: String(projects), RECONCILE_BENCH_CLUSTERS: String(clusters) };
    if (spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env }).status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

const N = Number(process.env.RECONCILE_BENCH_PROJECTS ?? 10_000);
const CLUSTERS = Number(process.env.RECONCILE_BENCH_CLUSTERS ?? 1);
const STEADY_S = Number(process.env.RECONCILE_BENCH_STEADY_S ?? 300);
const DELETIONS = Number(process.env.RECONCILE_BENCH_DELETIONS ?? 100);
const CONCURRENCY = Number(process.env.RECONCILE_BENCH_CONCURRENCY ?? 16);
// The old pass over this many of the projects (default all), scaled to all of them: it costs as much as creating everything.
const OLD_SAMPLE = Math.min(N, Number(process.env.RECONCILE_BENCH_OLD_SAMPLE ?? N));
const RAW_SAMPLE = Math.min(N, Number(process.env.RECONCILE_BENCH_RAW_SAMPLE ?? 1000));
const INTERVAL_S = 10; // the old TENANTRY_RECONCILE_INTERVAL_MS default
const TARGET = process.env.RECONCILE_BENCH_TARGET ?? (existsSync(REALKUBE) ? "realkube" : "sim");

if (!hasPostgres15() || process.getuid?.() !== 0) throw new Error("needs Debian's PostgreSQL 15 and root (it runs the server as postgres)");
const pgServer = await startBenchPostgres("reconcile_bench");
await migrate(pgServer.url);
process.env.DATABASE_URL = pgServer.url;
process.env.TENANTRY_SECRET_KEY ??= "bench-secret-key";
process.env.TENANTRY_KUBE_TIMEOUT_MS ??= "30000";

// Imported after DATABASE_URL is set: the Prisma client reads it on first use.
const { db } = await import("../lib/db/client");
const { poolConfig } = await import("../lib/db/connection");
const { registerCluster } = await import("../lib/tenancy/clusters");
const { reconcileProject } = await import("../lib/kube/reconciler");
const { startController } = await import("../lib/kube/controller/index");
const { apiFor } = await import("../lib/kube/client");
const { desiredNamespace } = await import("../lib/kube/namespace");
const { desiredQuota } = await import("../lib/kube/quota");
const { desiredLimitItem, desiredLimitRange } = await import("../lib/kube/limits");
const { desiredPolicies } = await import("../lib/kube/network");
const { desiredRoleBinding } = await import("../lib/kube/rbac");

/** `admin` is a cluster admin (client certificate), written to `adminFile` for kubectl; `requests` counts what this process sends it. */
interface Target { name: string; admin: KubeConfig; adminFile: string; requests: RequestCount; stop(): Promise<void> }

async function startTarget(i: number): Promise<Target & { kubeconfig: string }> {
  if (TARGET === "realkube") {
    // Free ports and a directory of its own: other realkube instances on this machine are left alone.
    const dir = mkdtempSync(join(tmpdir(), `realkube-bench-${i}-`));
    const env = { ...process.env, REALKUBE_DIR: dir, REALKUBE_API_PORT: `${await freePort()}`, REALKUBE_ETCD_PORT: `${await freePort()}`, REALKUBE_ETCD_PEER_PORT: `${await freePort()}`, REALKUBE_KCM_PORT: `${await freePort()}` };
    execFileSync(REALKUBE, ["up"], { env, stdio: "ignore" });
    const admin = new KubeConfig();
    admin.loadFromFile(`${dir}/admin.kubeconfig`);
    const requests = countRequests(admin.getCurrentCluster()!.server);
    return {
      name: `realkube-${i}`, admin, adminFile: `${dir}/admin.kubeconfig`, requests, kubeconfig: readFileSync(`${dir}/tenantry.kubeconfig`, "utf8"),
      stop: async () => { requests.stop(); execFileSync(REALKUBE, ["down", "--purge"], { env, stdio: "ignore" }); },
    };
  }
  // TLS, as a real API server: kubectl sends no bearer token over plain HTTP.
  const sim = await startSimulator({ name: `bench-${i}`, tls: true });
  const admin = new KubeConfig();
  admin.loadFromString(sim.kubeconfig());
  const requests = countRequests(admin.getCurrentCluster()!.server);
  const adminFile = join(mkdtempSync(join(tmpdir(), "reconcile-bench-")), "admin.kubeconfig");
  writeFileSync(adminFile, sim.kubeconfig());
  return { name: `sim-${i}`, admin, adminFile, requests, kubeconfig: sim.kubeconfig(), stop: async () => { requests.stop(); await sim.stop(); } };
}

const phase = (what: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" / ");
const loadBefore = load();
phase(`starting ${CLUSTERS} ${TARGET} cluster(s)`);
const targets = await Promise.all(Array.from({ length: CLUSTERS }, (_, i) => startTarget(i)));
// Interrupted: the API servers and the database go too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void Promise.all(targets.map((t) => t.stop().catch(() => undefined))).finally(() => { pgServer.stop(); process.exit(130); }));
}
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const counts = (reset = false) => targets.map((t) => t.requests.counts(reset)).reduce((a, c) => ({ requests: a.requests + c.requests, watches: a.watches + c.watches }), { requests: 0, watches: 0 });

const owner = await db().user.create({ data: { username: "bench-owner", platformRole: "platform-regular" } });
const ws = await db().workspace.create({ data: { name: "bench", networkIsolated: true, members: { create: { userId: owner.id, role: "admin" } } } });
const clusterIds: string[] = [];
const clusterRows: { id: string; name: string; credentials: string }[] = [];
for (const t of targets) {
  await registerCluster({ name: t.name, kubeconfig: t.kubeconfig });
  const c = await db().cluster.findUniqueOrThrow({ where: { name: t.name } });
  clusterIds.push(c.id);
  clusterRows.push(c);
  await db().workspaceCluster.create({ data: { workspaceId: ws.id, clusterId: c.id } });
  await db().workspaceQuota.create({ data: { workspaceId: ws.id, clusterId: c.id, hard: { "requests.cpu": `${N}`, "requests.memory": `${N}Gi` } } });
}
const names = Array.from({ length: N }, (_, i) => `b-${i}`);
for (let i = 0; i < N; i += 1000) {
  await db().project.createMany({
    data: names.slice(i, i + 1000).map((name, j) => ({
      name, workspaceId: ws.id, clusterId: clusterIds[(i + j) % CLUSTERS]!,
      quota: { hard: { "requests.cpu": "1", "requests.memory": "1Gi" } },
      network: (i + j) % 2 ? { isolated: true, allow: [{ workspace: ws.name }], egress: { isolated: true, allow: [] } } : undefined,
    })),
  });
}
const clusterOf = (name: string) => Number(name.slice(2)) % CLUSTERS;

// 1. The controller creates everything.
phase(`${N} projects in the database; controller starts`);
const leader = new pg.Client(poolConfig());
await leader.connect();
counts(true);
let t0 = performance.now();
const createCpu0 = process.cpuUsage();
const controller = await startController({ listen: leader, concurrency: CONCURRENCY });
await controller.settled({ workspaceId: ws.id });
const allReadyS = (performance.now() - t0) / 1000;
const createCpuS = cpuSeconds(process.cpuUsage(createCpu0));
for (const c of controller.clusters.values()) phase(`queue ${JSON.stringify(c.queue.stats)}; informers ${Object.entries(c.cache).map(([k, i]) => `${k} ${JSON.stringify(i.stats)}`).join(", ")}`);
const notReady = await db().project.count({ where: { workspaceId: ws.id, status: { not: "ready" } } });
const createRequests = counts(true);

// 2. Steady state.
phase(`all ready in ${allReadyS.toFixed(1)} s; steady state for ${STEADY_S} s`);
await new Promise((r) => setTimeout(r, 5000)); // the last writes' own watch events come back
counts(true);
const cpu0 = process.cpuUsage();
t0 = performance.now();
await new Promise((r) => setTimeout(r, STEADY_S * 1000));
const steadyS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const steady = counts(true);
const memory = process.memoryUsage();
const rssMb = memory.rss / 2 ** 20;

// 2b. The safety net once: every project reconciled from the caches, as the hourly resync does (by default an
// hour: outside the steady window, so its cost is measured here and spread over its hour).
phase("one resync of every project");
const resyncCpu0 = process.cpuUsage();
t0 = performance.now();
await controller.resync();
await controller.settled({ workspaceId: ws.id });
const resyncS = (performance.now() - t0) / 1000;
const resyncCpuS = cpuSeconds(process.cpuUsage(resyncCpu0));
const resyncRequests = counts(true).requests;

phase(`drift: ${DELETIONS} deletions`);
// 3. Drift: `kubectl delete` of a managed object as a cluster admin would, timed from kubectl's start (its own
// start-up included) until a GET finds the object again.
const drift = [
  ["resourcequota", "tenantry-quota"],
  ["networkpolicy", "tenantry-workspace-isolation"],
  ["rolebinding", "tenantry-member-bench-owner"],
  ["limitrange", "tenantry-limits"],
] as const;
const latencies: number[] = [];
const kubectlMs: number[] = [];
for (let i = 0, n = 0; latencies.length < DELETIONS; n++) {
  // Spread over the projects, both parities and every cluster.
  const name = names[(Math.floor((n * N) / DELETIONS) + n) % N]!;
  const [kind, object] = drift[i % drift.length]!;
  // Odd projects carry project isolation instead of the workspace policy.
  if (kind === "networkpolicy" && Number(name.slice(2)) % 2) continue;
  i++;
  const target = targets[clusterOf(name)]!;
  const core = target.admin.makeApiClient(CoreV1Api);
  const net = target.admin.makeApiClient(NetworkingV1Api);
  const rbac = target.admin.makeApiClient(RbacAuthorizationV1Api);
  const get =
    kind === "resourcequota" ? () => core.readNamespacedResourceQuota({ namespace: name, name: object })
    : kind === "limitrange" ? () => core.readNamespacedLimitRange({ namespace: name, name: object })
    : kind === "networkpolicy" ? () => net.readNamespacedNetworkPolicy({ namespace: name, name: object })
    : () => rbac.readNamespacedRoleBinding({ namespace: name, name: object });
  const start = performance.now();
  // Not execFileSync: a simulator answers from this very process, which must keep serving while kubectl runs.
  await promisify(execFile)("kubectl", ["--kubeconfig", target.adminFile, "-n", name, "delete", kind, object, "--wait=false"]);
  kubectlMs.push(performance.now() - start);
  for (;;) {
    if (await get().then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  latencies.push(performance.now() - start);
}
const pct = (p: number, of = latencies) => percentile(of, p);
const afterKubectl = latencies.map((ms, i) => ms - kubectlMs[i]!);
await controller.settled({ workspaceId: ws.id });
await controller.stop();
await leader.end();

phase("old polling pass");
// 4. The old design, for comparison: a full uncached pass over every project (it ran every 10 s).
counts(true);
const oldCpu0 = process.cpuUsage();
t0 = performance.now();
let next = 0;
let oldErrors = 0;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (next < OLD_SAMPLE) {
    const name = names[next++]!;
    await reconcileProject(clusterRows[clusterOf(name)]!, name).catch(() => oldErrors++);
  }
}));
const scale = N / OLD_SAMPLE;
const passS = ((performance.now() - t0) / 1000) * scale;
const oldCpuUsed = process.cpuUsage(oldCpu0);
const oldCpu = { user: oldCpuUsed.user * scale, system: oldCpuUsed.system * scale };
const old = { requests: counts(true).requests * scale };
const rssOldMb = process.memoryUsage().rss / 2 ** 20;
const period = Math.max(passS, INTERVAL_S);

phase(`raw writes: ${RAW_SAMPLE} projects' objects, no controller`);
// 5. The limit: what the API server takes when nothing but a client writes the same objects (namespace first,
// then the rest at once, as the reconciler does), on new namespaces.
const hard = { "requests.cpu": "1", "requests.memory": "1Gi" };
let rawNext = 0;
t0 = performance.now();
const rawCpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (rawNext < RAW_SAMPLE) {
    const i = rawNext++;
    const name = `raw-${i}`;
    const cluster = clusterRows[i % CLUSTERS]!;
    const [core, net, rbac] = [apiFor(cluster, CoreV1Api), apiFor(cluster, NetworkingV1Api), apiFor(cluster, RbacAuthorizationV1Api)];
    await core.createNamespace({ body: desiredNamespace(ws.name, name) });
    const network = i % 2 ? { isolated: true, allow: [{ workspace: ws.name }], egress: { isolated: true, allow: [] } } : undefined;
    await Promise.all([
      core.createNamespacedResourceQuota({ namespace: name, body: desiredQuota(name, hard) }),
      core.createNamespacedLimitRange({ namespace: name, body: desiredLimitRange(name, desiredLimitItem(undefined, hard)!) }),
      ...desiredPolicies(name, ws.name, true, network).map((body) => net.createNamespacedNetworkPolicy({ namespace: name, body })),
      rbac.createNamespacedRoleBinding({ namespace: name, body: desiredRoleBinding(name, owner.username, "admin") }),
    ]);
  }
}));
const rawS = ((performance.now() - t0) / 1000) * (N / RAW_SAMPLE);
const rawCpuS = cpuSeconds(process.cpuUsage(rawCpu0)) * (N / RAW_SAMPLE);

const f = (n: number, d = 1) => n.toFixed(d);
const cpuPct = (c: NodeJS.CpuUsage, s: number) => f((cpuSeconds(c) / s) * 100);
console.log(`reconcile: ${N} projects on ${CLUSTERS} ${TARGET === "realkube" ? "real API server(s) (realkube v1.36)" : "simulated cluster(s)"}, PostgreSQL 15, concurrency ${CONCURRENCY} per cluster,`);
console.log(`machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore} at the start, ${load()} now`);
console.log(`workspace isolated, half the projects with project + egress isolation, one workspace admin (a RoleBinding per project); steady state over ${f(steadyS, 0)} s`);
console.table([
  { measure: "time until all ready (s)", "watch-driven": f(allReadyS), "polling (old)": `${f(passS)} per pass`, "raw writes (limit)": f(rawS), target: TARGET === "realkube" && N >= 10_000 ? "≤ 120" : "" },
  { measure: "  watch-driven ÷ raw writes", "watch-driven": f(allReadyS / rawS, 2), "polling (old)": "", "raw writes (limit)": "", target: "" },
  { measure: "this process's CPU to create everything (s)", "watch-driven": f(createCpuS), "polling (old)": "", "raw writes (limit)": f(rawCpuS), target: "" },
  { measure: "requests to create everything", "watch-driven": createRequests.requests, "polling (old)": "", target: "" },
  { measure: "steady requests/s (excl. watch streams)", "watch-driven": f(steady.requests / steadyS, 2), "polling (old)": f(old.requests / period, 0), target: "≤ 1" },
  { measure: "watch streams opened in steady state", "watch-driven": steady.watches, "polling (old)": 0, target: "" },
  { measure: "console CPU, % of a core", "watch-driven": cpuPct(cpu, steadyS), "polling (old)": cpuPct(oldCpu, period), target: "≤ 5" },
  { measure: `drift repair p50 / p95 (ms), ${DELETIONS} kubectl deletes`, "watch-driven": `${f(pct(50), 0)} / ${f(pct(95), 0)}`, "polling (old)": `~${f((period / 2) * 1000, 0)} / ~${f(period * 0.95 * 1000, 0)} (interval)`, target: "p95 ≤ 2000" },
  { measure: "one resync of every project: s / CPU s / requests", "watch-driven": `${f(resyncS)} / ${f(resyncCpuS)} / ${resyncRequests}`, "polling (old)": "", target: "" },
  { measure: "  the resync spread over its hour, % of a core", "watch-driven": f((resyncCpuS / 3600) * 100, 2), "polling (old)": "", target: "" },
  { measure: "console RSS (MB)", "watch-driven": f(rssMb, 0), "polling (old)": f(rssOldMb, 0), target: "≤ 400" },
]);
console.log(`memory after the steady window: RSS ${f(rssMb, 0)} MB, of it V8 heap ${f(memory.heapUsed / 2 ** 20, 0)} MB used of ${f(memory.heapTotal / 2 ** 20, 0)} MB, external ${f(memory.external / 2 ** 20, 0)} MB (the bench's database client lives in the same process).`);
console.log(`drift: kubectl itself (start to exit) took p50 ${f(pct(50, kubectlMs), 0)} ms of that; after kubectl returned, the object was back in p50 ${f(pct(50, afterKubectl), 0)} / p95 ${f(pct(95, afterKubectl), 0)} ms.`);
console.log(`polling: one pass sent ${f(old.requests, 0)} requests (${f(old.requests / N, 1)} per project)${OLD_SAMPLE < N ? ` (measured over ${OLD_SAMPLE} of the ${N} projects and scaled)` : ""}${oldErrors ? `, ${oldErrors} errors` : ""}; drift waits for the next pass (every ${INTERVAL_S} s or the pass time, whichever is longer).`);
console.log(`raw writes: the same objects for ${RAW_SAMPLE} projects written by a plain client at concurrency ${CONCURRENCY} (no database, no controller) took ${f(rawS * (RAW_SAMPLE / N))} s${RAW_SAMPLE < N ? `, scaled to ${N}` : ""}: what this API server on this machine takes at best.`);
if (notReady) console.error(`${notReady} project(s) not ready after the controller settled`);

await db().$disconnect();
for (const t of targets) await t.stop();
pgServer.stop();
process.exit(notReady ? 1 : 0);

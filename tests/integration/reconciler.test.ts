// The watch-driven reconciler (#14 item 5) on this file's cluster (the simulator, or realkube with
// TENANTRY_TEST_REALKUBE) and, where a cluster's connections, history or availability must be broken, on
// simulators beside it: a relist after 410 Gone, watches resuming from bookmarks, one cluster down while another
// converges, keys waiting for the caches' first sync, and the background work failing over to another runner.
// Drift repaired from the watch alone is in isolation.test.ts; the queue's backoff and concurrency in
// lib/kube/controller/queue.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/jobs/background";
import { informersOf } from "@/lib/kube/controller/cache";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject, getProject } from "@/lib/tenancy/projects";
import { putProjectQuota } from "@/lib/tenancy/quotas";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { registerSimulator, registerTestCluster, type TestCluster } from "../support/cluster";

let target: TestCluster;
let admin: User;
const clusters: TestCluster[] = [];
const runners: BackgroundJobs[] = [];

/** A replica's background work (the controller alone), as lib/jobs/background.ts runs it. */
function runner(): BackgroundJobs {
  const jobs = startBackgroundJobs({ periodic: false, intervalMs: 200 });
  runners.push(jobs);
  return jobs;
}
async function stopRunner(jobs: BackgroundJobs) {
  await jobs.stop();
  runners.splice(runners.indexOf(jobs), 1);
}

beforeAll(async () => {
  target = await registerTestCluster("rec-sim");
  clusters.push(target);
  admin = await makeUser("platform-admin");
});
afterEach(async () => {
  for (const jobs of [...runners]) await stopRunner(jobs);
});
afterAll(async () => {
  // Later files' controllers need neither these projects nor clusters that are stopped.
  const names = clusters.map((c) => c.name);
  await db().project.deleteMany({ where: { cluster: { name: { in: names } } } });
  await db().workspaceQuota.deleteMany({ where: { cluster: { name: { in: names } } } });
  await db().workspaceCluster.deleteMany({ where: { cluster: { name: { in: names } } } });
  await db().cluster.deleteMany({ where: { name: { in: names } } });
  for (const c of clusters) await c.stop();
});

async function simulator(name: string, opts: Parameters<typeof registerSimulator>[1] = {}) {
  const c = await registerSimulator(name, opts);
  clusters.push(c);
  return c;
}
async function workspace(...on: string[]) {
  return (await createWorkspace({ name: uniqueName("ws"), clusters: on }, admin)).name;
}
async function project(ws: string, on: string) {
  return (await createProject(ws, { name: uniqueName("p"), cluster: on }, admin, await principalOf(admin.username, { workspace: ws }))).name;
}
const status = async (ws: string, p: string) => {
  const { status, statusMessage } = await getProject(ws, p);
  return { status, statusMessage };
};
const quotaOf = (kc: KubeConfig, namespace: string) =>
  kc.makeApiClient(CoreV1Api).readNamespacedResourceQuota({ namespace, name: "tenantry-quota" }).then((q) => q.spec?.hard, () => undefined);
/** Waits past the time the controller holds a burst of watch events (100 ms) until its queue is empty. */
async function quiet(c: { queue: { drained(): Promise<void> } }) {
  await new Promise((r) => setTimeout(r, 400));
  await c.queue.drained();
}
/** The running controller's half for one cluster. */
function clusterController(jobs: BackgroundJobs, name: string) {
  const c = [...jobs.controller()!.clusters.values()].find((x) => x.cluster.name === name);
  if (!c) throw new Error(`no controller for cluster ${name}`);
  return c;
}

describe("watches", () => {
  it("relist after 410 Gone: drift made while the console's watches were cut, and compacted away, is repaired", async () => {
    const s = await simulator("rec-gone");
    const jobs = runner();
    const ws = await workspace(s.name);
    const p = await project(ws, s.name);
    await (await jobs.leading()).settled({ name: p });
    const quotas = clusterController(jobs, s.name).cache.quotas;
    const lists = quotas.stats.lists;

    // The console's watches drop; meanwhile someone deletes Tenantry's quota and etcd compacts its history.
    s.sim.faults.set({ refuseWatches: true });
    await s.kc.makeApiClient(CoreV1Api).deleteNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" });
    s.sim.compact();
    s.sim.faults.clear();

    // Resuming from the last version seen now answers 410 Gone: only a fresh list shows the quota is missing.
    await eventually(async () => (await quotaOf(s.kc, p)) !== undefined, 150);
    expect(quotas.stats.lists).toBe(lists + 1);
    expect(await status(ws, p)).toEqual({ status: "ready", statusMessage: null });
  });

  it("resume from BOOKMARK events: after the cluster moved on with writes the watches filter out, a reconnect needs no relist", async () => {
    const s = await simulator("rec-bookmark", { bookmarkEveryMs: 100 });
    const jobs = runner();
    const ws = await workspace(s.name);
    const p = await project(ws, s.name);
    await (await jobs.leading()).settled({ name: p });
    const informers = informersOf(clusterController(jobs, s.name).cache);

    // Objects Tenantry does not own: the console's watches (managed-by=tenantry) never see them.
    const core = s.kc.makeApiClient(CoreV1Api);
    for (let i = 0; i < 5; i++) await core.createNamespacedConfigMap({ namespace: p, body: { metadata: { name: `app-${i}` } } });
    // Bookmarks carry the cluster's resourceVersion to every watch anyway.
    await eventually(async () => informers.every((i) => i.resumeFrom === s.sim.revision()), 100);
    const lists = informers.map((i) => i.stats.lists);

    s.sim.faults.set({ refuseWatches: true });
    s.sim.compact();
    s.sim.faults.clear();
    // Watching resumes from the bookmarks' version, within what the cluster still holds: no list, and drift is still seen.
    await core.deleteNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" });
    await eventually(async () => (await quotaOf(s.kc, p)) !== undefined, 150);
    expect(informers.map((i) => i.stats.lists)).toEqual(lists);
  });
});

describe("clusters", () => {
  it("one cluster down: the other keeps converging, and the down one is caught up when it returns", async () => {
    const down = await simulator("rec-down");
    const ws = await workspace(target.name, down.name);
    await down.sim.stop();
    // A leader that starts now has never seen this cluster answer.
    const jobs = runner();
    const ctl = await jobs.leading();
    const onDown = await project(ws, down.name);
    const onUp = await project(ws, target.name);
    await ctl.settled({ name: onUp });
    await putProjectQuota(ws, onUp, { hard: { pods: "9" } });
    await ctl.settled({ name: onUp });
    expect(await quotaOf(target.kc, onUp)).toMatchObject({ pods: "9" });
    await eventually(async () => (await status(ws, onDown)).status === "error");
    expect((await status(ws, onDown)).statusMessage).toMatch(/^The cluster (could not be reached|did not answer in time)\.$/);

    await down.sim.restart!();
    await eventually(async () => (await status(ws, onDown)).status === "ready", 150);
    expect(await quotaOf(down.kc, onDown)).toBeDefined();
  });

  it("a new project costs one pass: the watch events of its own writes queue nothing more, whichever comes first", async () => {
    // On this file's cluster: on a real API server a write's watch event often arrives before its answer.
    const ws = await workspace(target.name);
    const jobs = runner();
    const ctl = await jobs.leading();
    const c = clusterController(jobs, target.name);
    await eventually(async () => c.synced);
    // This cluster's projects only: other files leave projects on clusters they stopped, in error for good.
    await ctl.settled({ cluster: { name: target.name } });
    await quiet(c);
    const passes = c.queue.stats.processed;
    target.sim?.stats(true);

    const p = await project(ws, target.name);
    await ctl.settled({ name: p });
    await quiet(c);
    expect(c.queue.stats.processed - passes).toBe(1);
    // Namespace, ResourceQuota, LimitRange (no member to bind, no isolation), each written once.
    if (target.sim) expect(Object.entries(target.sim.stats()).filter(([verb]) => !["GET", "WATCH"].includes(verb))).toEqual([["POST", 3]]);
    expect(await status(ws, p)).toEqual({ status: "ready", statusMessage: null });
  });

  it("a change reads pending until a pass applies it: ready never describes a state the cluster does not have yet", async () => {
    const s = await simulator("rec-pending");
    const ws = await workspace(s.name);
    const ctl = await runner().leading();
    const p = await project(ws, s.name);
    await ctl.settled({ name: p });
    expect((await status(ws, p)).status).toBe("ready");

    // A cluster slow to answer: whichever controller takes the change (other files' run beside this one), the
    // quota is wanted, not yet applied.
    // The row is read the moment the change commits: putProjectQuota's own answer reads the quota's usage back
    // through the same slow cluster, by which time a pass may have applied the change.
    const row = () => db().project.findFirstOrThrow({ where: { name: p, cluster: { name: s.name } }, select: { generation: true, status: true, statusMessage: true } });
    const before = (await row()).generation;
    s.sim.faults.set({ latencyMs: 3000 });
    const put = putProjectQuota(ws, p, { hard: { pods: "7" } });
    let changed = await row();
    await eventually(async () => (changed = await row()).generation > before, 100, 20);
    expect({ status: changed.status, statusMessage: changed.statusMessage }).toEqual({ status: "pending", statusMessage: null });
    await put;

    s.sim.faults.clear();
    await ctl.settled({ name: p });
    expect(await status(ws, p)).toEqual({ status: "ready", statusMessage: null });
    expect(await quotaOf(s.kc, p)).toMatchObject({ pods: "7" });
  });

  it("keys wait for the first sync: a leader never works from a cache that is still loading", async () => {
    const slow = await simulator("rec-slow");
    let jobs = runner();
    const ws = await workspace(slow.name);
    const p = await project(ws, slow.name);
    await (await jobs.leading()).settled({ name: p });
    await stopRunner(jobs);

    // A change no leader has applied yet, and a cluster whose lists take a while.
    await putProjectQuota(ws, p, { hard: { pods: "3" } });
    slow.sim.faults.set({ latencyMs: 700 });
    slow.sim.stats(true);
    jobs = runner();
    await jobs.leading();
    const c = clusterController(jobs, slow.name);
    await eventually(async () => (await quotaOf(slow.kc, p))?.pods === "3", 150);
    await jobs.controller()!.settled({ name: p });

    // Against an empty cache every object would look missing: creations (POST), each answered 409.
    expect(c.synced).toBe(true);
    expect(Object.keys(slow.sim.stats()).filter((verb) => !["GET", "WATCH"].includes(verb))).toEqual(["PUT"]);
    // Waiting is no failure: nothing counted in tenantry_reconcile_errors_total, no retry.
    expect(c.queue.stats.failures).toBe(0);
    expect(await status(ws, p)).toEqual({ status: "ready", statusMessage: null });
  });
});

// Advisory locks exclude other sessions; the embedded database serves every connection from one session, so
// this needs a PostgreSQL server (CI's TENANTRY_TEST_DATABASE_URL).
describe.runIf(process.env.TENANTRY_TEST_DATABASE_URL)("replicas", () => {
  it("one runner leads; when it stops, the other takes the lock over and converges what changed meanwhile", async () => {
    const first = runner();
    await first.leading();
    const second = runner();
    const ws = await workspace(target.name);
    const before = await project(ws, target.name);
    await first.controller()!.settled({ name: before });
    // The standby tries every interval and stays standby.
    await new Promise((r) => setTimeout(r, 600));
    expect(second.controller()).toBeUndefined();

    await stopRunner(first);
    const after = await project(ws, target.name);
    await putProjectQuota(ws, before, { hard: { pods: "4" } });
    const ctl = await second.leading();
    await ctl.settled({ workspace: { name: ws } });
    expect(await quotaOf(target.kc, before)).toMatchObject({ pods: "4" });
    expect(await quotaOf(target.kc, after)).toBeDefined();
    expect(await status(ws, after)).toEqual({ status: "ready", statusMessage: null });
  });
});

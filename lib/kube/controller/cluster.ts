// One cluster's half of the controller: its watch caches and its own work queue, so a cluster that is down
// only holds up its own keys. Keys are namespace names (one per project) and CLUSTER_KEY.
import { db } from "../../db/client";
import { kubeConfigFor, type ClusterCredentials } from "../client";
import { ensureClusterObjects, reconcileProject } from "../reconciler";
import { CLUSTER_KEY, clusterCache, informersOf, type ClusterCache } from "./cache";
import { WorkQueue } from "./queue";
import { metrics } from "../../observe/metrics";

const WATCH_COALESCE_MS = 100;

export interface ClusterOptions {
  concurrency: number;
  /** Retry delays of a failing key. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export class ClusterController {
  readonly cache: ClusterCache;
  readonly queue: WorkQueue;
  private wasSynced = false;
  /** The newest generation the catch-up reported for a key while a pass for it was under way. */
  private heard = new Map<string, number>();
  private syncTimer?: NodeJS.Timeout;

  constructor(
    readonly cluster: ClusterCredentials & { name: string },
    opts: ClusterOptions,
  ) {
    const m = metrics();
    const onAttempt = (ms: number, failed: boolean) => {
      m.reconcileDuration.observe({ cluster: cluster.name }, ms / 1000);
      if (failed) m.reconcileErrors.inc({ cluster: cluster.name });
    };
    this.queue = new WorkQueue((key) => this.reconcile(key), { concurrency: opts.concurrency, baseDelayMs: opts.baseDelayMs ?? 200, maxDelayMs: opts.maxDelayMs ?? 30_000, onAttempt });
    // A reconcile's own writes come back as a burst of watch events for its key (one per object, within
    // milliseconds): held briefly, they queue the key once instead of once each (4 passes per new project before).
    this.cache = clusterCache(kubeConfigFor(cluster), (key) => this.queue.addAfter(key, WATCH_COALESCE_MS));
  }

  start(): void {
    for (const i of informersOf(this.cache)) i.start();
    // Nothing is reconciled from a half-loaded cache; once all of it is in, every key gets one pass.
    this.syncTimer = setInterval(() => {
      if (this.wasSynced || !this.synced) return;
      this.wasSynced = true;
      clearInterval(this.syncTimer);
      void this.enqueueAll();
    }, 20);
    this.syncTimer.unref();
  }

  stop(): void {
    clearInterval(this.syncTimer);
    for (const i of informersOf(this.cache)) i.stop();
    this.queue.shutDown();
  }

  /**
   * A project whose desired state is ahead of what the cluster has (the catch-up's finding). Queued, unless a pass
   * for it is under way: that pass may be applying this very generation (a new project's first pass, say), so
   * the generation is remembered and the key queued again afterwards only if the pass read an older one.
   */
  lagging(name: string, generation: number): void {
    if (!this.queue.isRunning(name)) return this.queue.add(name);
    this.heard.set(name, Math.max(generation, this.heard.get(name) ?? 0));
  }

  get synced(): boolean {
    return informersOf(this.cache).every((i) => i.synced);
  }

  /** Why the cluster's objects cannot be loaded or watched right now, if they cannot. */
  get lastError(): string | undefined {
    return informersOf(this.cache).find((i) => i.lastError)?.lastError;
  }

  /** Every project of this cluster and its cluster-wide objects: after the first sync and on each resync. */
  async enqueueAll(): Promise<void> {
    this.queue.add(CLUSTER_KEY);
    for (const p of await db().project.findMany({ where: { clusterId: this.cluster.id }, select: { name: true } })) this.queue.add(p.name);
  }

  private async reconcile(key: string): Promise<void> {
    if (!this.synced) {
      // Keys wait for the cache: the first sync enqueues every key of this cluster anyway, so while it loads a
      // key is dropped (not an error, no retry); while the cluster does not answer, its projects say why.
      const reason = this.lastError;
      if (!reason) return;
      if (key !== CLUSTER_KEY) {
        await db().project.updateMany({ where: { clusterId: this.cluster.id, name: key, status: { not: "terminating" } }, data: { status: "error", statusMessage: reason } });
      }
      throw new Error(reason);
    }
    if (key === CLUSTER_KEY) await ensureClusterObjects(this.cluster, this.cache);
    else {
      let applied: number | undefined;
      try {
        await reconcileProject(this.cluster, key, this.cache, (generation) => (applied = generation));
      } finally {
        // A change heard of while this pass ran, newer than what it read, gets a pass of its own.
        const newest = this.heard.get(key);
        this.heard.delete(key);
        if (newest !== undefined && (applied === undefined || newest > applied)) this.queue.add(key);
      }
    }
  }
}

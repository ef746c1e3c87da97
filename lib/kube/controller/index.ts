// The watch-driven reconciler (DESIGN §4), run by the replica that holds the background lock
// (lib/jobs/background.ts). Per cluster: list+watch caches and a work queue (./cluster.ts). Database changes
// bump the project's generation and NOTIFY in their own transaction (./enqueue.ts); on each notification, on
// start and on every resync the controller enqueues what lags. A steady state sends the cluster nothing but
// the watch streams; drift comes back as a watch event, and its project is reconciled within milliseconds.
import type pg from "pg";
import type { Prisma } from "@prisma/client";
import { db } from "../../db/client";
import { ClusterController, type ClusterOptions } from "./cluster";
import { RECONCILE_CHANNEL } from "./enqueue";
import { metrics } from "../../observe/metrics";

export interface ControllerOptions extends Partial<ClusterOptions> {
  /** The leader's own connection, to LISTEN on. */
  listen: pg.Client;
  /** Safety net: every project is reconciled this often even without a change (from the cache: no requests).
   *  An hour by default: drift arrives as watch events, this only catches a lost one (controller-runtime: 10 h). */
  resyncMs?: number;
}

export interface Controller {
  clusters: ReadonlyMap<string, ClusterController>;
  /** Resolves when every cluster's queue is empty and no project (of those matching `where`) lags or
   *  waits to retry after an error: for tests and the benchmark. */
  settled(where?: Prisma.ProjectWhereInput): Promise<void>;
  /** Enqueues every project of every synced cluster now, as the periodic safety net does. */
  resync(): Promise<void>;
  stop(): Promise<void>;
}

export async function startController(opts: ControllerOptions): Promise<Controller> {
  const clusters = new Map<string, ClusterController>();
  const unloadable = new Map<string, string>();
  const clusterOpts: ClusterOptions = { concurrency: opts.concurrency ?? 8, baseDelayMs: opts.baseDelayMs, maxDelayMs: opts.maxDelayMs };
  let stopped = false;

  /** Starts controllers for new clusters, restarts those whose credentials changed, stops removed ones. */
  const syncClusters = async () => {
    const rows = await db().cluster.findMany({ select: { id: true, name: true, credentials: true, updatedAt: true } });
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      const running = clusters.get(row.id);
      if (running && running.cluster.credentials === row.credentials) continue;
      running?.stop();
      clusters.delete(row.id);
      // A stored kubeconfig that cannot be loaded (refused, say) holds up only its own cluster; its health
      // check reports why. Said once per credentials, not on every catch-up.
      let c: ClusterController;
      try {
        c = new ClusterController(row, clusterOpts);
      } catch (err) {
        if (unloadable.get(row.id) !== row.credentials) console.error(`cluster ${row.id}: its kubeconfig cannot be loaded: ${(err as Error).message}`);
        unloadable.set(row.id, row.credentials);
        continue;
      }
      unloadable.delete(row.id);
      clusters.set(row.id, c);
      c.start();
    }
    for (const id of unloadable.keys()) if (!seen.has(id)) unloadable.delete(id);
    for (const [id, c] of clusters) {
      if (seen.has(id)) continue;
      c.stop();
      clusters.delete(id);
    }
  };

  /** Projects whose desired state changed since they were last reconciled. */
  const enqueueLagging = async () => {
    const rows = await db().$queryRaw<{ clusterId: string; name: string; generation: number }[]>`
      SELECT "clusterId", name, generation FROM "Project" WHERE "observedGeneration" < generation OR status = 'terminating'`;
    for (const r of rows) {
      // A cache still loading would drop the key: its first sync enqueues every project anyway. A cluster that does
      // not answer takes it, so its projects say why.
      const c = clusters.get(r.clusterId);
      if (c && (c.synced || c.lastError)) c.lagging(r.name, r.generation);
    }
  };

  // Notifications arrive in bursts (a workspace change, a batch of creations): one catch-up at a time,
  // and one more after it if any arrived meanwhile.
  let catchingUp: Promise<void> | undefined;
  let again = false;
  const catchUp = () => {
    if (catchingUp) return void (again = true);
    catchingUp = (async () => {
      do {
        again = false;
        await syncClusters();
        await enqueueLagging();
      } while (again && !stopped);
    })()
      .catch((err) => console.error("reconcile catch-up failed:", (err as Error).message))
      .finally(() => (catchingUp = undefined));
  };

  let heard: (() => void) | undefined;
  opts.listen.on("notification", (n) => {
    if (n.channel !== RECONCILE_CHANNEL) return;
    heard?.();
    catchUp();
  });
  await opts.listen.query(`LISTEN ${RECONCILE_CHANNEL}`);
  // The embedded database (PGlite behind a socket) delivers no notifications: there the database is asked
  // what lags a few times a second instead; with PostgreSQL only rarely, in case a notification was lost.
  const notified = new Promise<boolean>((resolve) => {
    heard = () => resolve(true);
    setTimeout(() => resolve(false), 1000).unref();
  });
  await db().$executeRaw`SELECT pg_notify(${RECONCILE_CHANNEL}, 'probe')`;
  const poll = setInterval(catchUp, (await notified) ? 10_000 : 200);
  poll.unref();
  heard = undefined;
  await syncClusters();
  await enqueueLagging();

  // Scrapes of this replica's /api/metrics read the queues while it leads.
  metrics().sources.queues = () => [...clusters.values()].map((c) => ({ cluster: c.cluster.name, depth: c.queue.depth }));

  const resyncAll = async () => {
    await syncClusters();
    await Promise.all([...clusters.values()].map((c) => (c.synced ? c.enqueueAll() : undefined)));
  };
  const resync = setInterval(() => void resyncAll(), opts.resyncMs ?? 60 * 60_000);
  resync.unref();

  return {
    clusters,
    resync: resyncAll,
    async settled(where = {}) {
      for (;;) {
        await catchingUp;
        await Promise.all([...clusters.values()].map((c) => c.queue.drained()));
        const lagging = await db().project.count({ where: { AND: [where, { OR: [{ observedGeneration: { lt: db().project.fields.generation } }, { status: { in: ["terminating", "error", "pending"] } }] }] } });
        if (!lagging && !catchingUp) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stopped = true;
      metrics().sources.queues = undefined;
      clearInterval(resync);
      clearInterval(poll);
      for (const c of clusters.values()) c.stop();
      clusters.clear();
      await opts.listen.query(`UNLISTEN ${RECONCILE_CHANNEL}`).catch(() => {});
    },
  };
}

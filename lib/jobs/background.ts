// Background work (the reconciler, cluster health, retention, membership expiry) runs in exactly one replica: the one holding a
// PostgreSQL advisory lock on its own connection. If that replica dies, its connection and lock go with it
// and another replica takes over on its next try, starting its own controller (which catches up on what lags).
import pg from "pg";
import { poolConfig } from "../db/connection";
import { startController, type Controller } from "../kube/controller";
import { checkAllClusters } from "../tenancy/clusters";
import { maybeRunAuditRetention } from "../audit/retention";
import { maybeCleanIdentityTables } from "../identity/housekeeping";
import { expireMemberships, nextExpiry } from "../tenancy/expiry";
import { log } from "../observe/log";
import { metrics } from "../observe/metrics";

/** The advisory lock whose holder leads; pg_locks shows it (classid 0, objid this). */
export const LEADER_LOCK = 7_260_002;
const every = (name: string, fallback: number) => Number(process.env[name] || fallback);

export interface BackgroundJobs {
  /** The running controller while this replica leads. */
  controller(): Controller | undefined;
  /** Resolves once this replica leads and its controller runs. */
  leading(): Promise<Controller>;
  stop(): Promise<void>;
}

export interface BackgroundOptions {
  /** Health checks, retention, housekeeping besides the controller (tests run the controller alone). */
  periodic?: boolean;
  intervalMs?: number;
  /** What time it is, for the expiry step (tests move it to the instant a membership ends). */
  clock?: () => Date;
}

export function startBackgroundJobs(opts: BackgroundOptions = {}): BackgroundJobs {
  const periodic = opts.periodic ?? true;
  let leader: pg.Client | undefined;
  let controller: Controller | undefined;
  let running = false;
  let stopped = false;
  let wake: NodeJS.Timeout | undefined;
  const interval = opts.intervalMs ?? every("TENANTRY_RECONCILE_INTERVAL_MS", 10_000);
  const clock = opts.clock ?? (() => new Date());
  const waiters: ((c: Controller) => void)[] = [];

  const resign = async () => {
    const [c, l] = [controller, leader];
    controller = leader = undefined;
    if (l) {
      metrics().backgroundLeader.set(0);
      log().info("stopped leading the background work");
    }
    await c?.stop();
    await l?.end().catch(() => {});
  };

  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      if (!leader) {
        const client = new pg.Client(poolConfig());
        await client.connect();
        const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [LEADER_LOCK]);
        if (rows[0]?.ok) {
          leader = client;
          client.on("error", () => void resign());
          controller = await startController({ listen: client, resyncMs: every("TENANTRY_RESYNC_INTERVAL_MS", 60 * 60_000) }).catch(async (err) => {
            await resign();
            throw err;
          });
          metrics().backgroundLeader.set(1);
          log().info("leading the background work");
          for (const w of waiters.splice(0)) w(controller);
        } else await client.end();
      }
      if (leader && periodic) {
        await expireDue();
        await checkAllClusters();
        await maybeRunAuditRetention();
        await maybeCleanIdentityTables();
        metrics().backgroundPasses.inc();
      }
    } catch (err) {
      log().error({ err: (err as Error).message }, "background pass failed");
    } finally {
      running = false;
    }
  };

  /** Ends the memberships that are due, then wakes at the next end if it comes before the next pass, so
   *  RoleBindings go at that instant rather than up to an interval later. */
  const expireDue = async () => {
    await expireMemberships(clock());
    clearTimeout(wake);
    const next = await nextExpiry();
    const inMs = next ? next.getTime() - clock().getTime() : Infinity;
    if (inMs >= interval) return;
    wake = setTimeout(() => {
      if (leader && !stopped) expireDue().catch((err) => log().error({ err: (err as Error).message }, "membership expiry failed"));
    }, inMs + 5);
    wake.unref();
  };

  const timer = setInterval(tick, interval);
  timer.unref();
  void tick();
  return {
    controller: () => controller,
    leading: () => (controller ? Promise.resolve(controller) : new Promise((r) => waiters.push(r))),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(wake);
      while (running) await new Promise((r) => setTimeout(r, 10));
      await resign();
    },
  };
}

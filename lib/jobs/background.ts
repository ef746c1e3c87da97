// Background work (reconcile, cluster health) runs in exactly one replica: the one holding a
// PostgreSQL advisory lock on its own connection. If that replica dies, its connection and lock go
// with it and another replica takes over on its next try.
import pg from "pg";
import { poolConfig } from "../db/connection";
import { reconcileAll } from "../kube/reconciler";
import { checkAllClusters } from "../tenancy/clusters";
import { maybeRunAuditRetention } from "../audit/retention";
import { maybeCleanIdentityTables } from "../identity/housekeeping";

const LEADER_LOCK = 7_260_002;
const every = (name: string, fallback: number) => Number(process.env[name] || fallback);

export function startBackgroundJobs(): void {
  let leader: pg.Client | undefined;
  let running = false;

  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!leader) {
        const client = new pg.Client(poolConfig());
        await client.connect();
        const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [LEADER_LOCK]);
        if (rows[0]?.ok) {
          leader = client;
          client.on("error", () => (leader = undefined));
        } else await client.end();
      }
      if (leader) {
        await checkAllClusters();
        await reconcileAll();
        await maybeRunAuditRetention();
        await maybeCleanIdentityTables();
      }
    } catch (err) {
      console.error("background pass failed:", (err as Error).message);
    } finally {
      running = false;
    }
  };

  const timer = setInterval(tick, every("TENANTRY_RECONCILE_INTERVAL_MS", 10_000));
  timer.unref();
  void tick();
}

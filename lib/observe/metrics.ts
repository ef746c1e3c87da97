// Prometheus metrics of this replica (prom-client), scraped at /api/metrics with TENANTRY_METRICS_TOKEN.
// One registry per process, kept on globalThis: Next may load this module once per route bundle, and every copy
// must count into the same series. Gauges that describe state elsewhere (database pool, cluster health,
// reconcile queues) are read when scraped, so they are never stale.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What a scrape reads from the running process: registered by the parts that hold the state. */
export interface MetricSources {
  pool?: () => { total: number; idle: number; waiting: number };
  /** Per cluster: its reconcile queue depth (queued or running keys). */
  queues?: () => { cluster: string; depth: number }[];
  /** Per cluster: 1 when its last health check answered. */
  clusters?: () => Promise<{ cluster: string; up: boolean }[]>;
}

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: MetricSources = {};
  const registers = [registry];
  return {
    registry,
    sources,
    httpRequests: new Histogram({
      name: "tenantry_http_request_duration_seconds",
      help: "API requests by route template, method and status, with their duration",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    authorization: new Counter({
      name: "tenantry_authorization_decisions_total",
      help: "authorize() decisions of API requests: allowed, forbidden (403) or hidden (404)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    auditRecorded: new Counter({
      name: "tenantry_audit_events_recorded_total",
      help: "Audit events appended to the chained log, by source (console, kubernetes) and outcome",
      labelNames: ["source", "outcome"] as const,
      registers,
    }),
    auditIngested: new Counter({
      name: "tenantry_audit_webhook_events_total",
      help: "Kubernetes audit events received by the webhook, by cluster and result (accepted, duplicate, skipped, refused)",
      labelNames: ["cluster", "result"] as const,
      registers,
    }),
    webhookBatchSize: new Histogram({
      name: "tenantry_audit_webhook_batch_size",
      help: "Events per audit webhook batch",
      labelNames: ["cluster"] as const,
      buckets: [1, 5, 10, 50, 100, 400, 1000, 5000],
      registers,
    }),
    webhookFailures: new Counter({
      name: "tenantry_audit_webhook_failures_total",
      help: "Audit webhook batches refused, by cluster and HTTP status",
      labelNames: ["cluster", "status"] as const,
      registers,
    }),
    reconcileDuration: new Histogram({
      name: "tenantry_reconcile_duration_seconds",
      help: "Time to reconcile one key (a project or a cluster's shared objects), by cluster",
      labelNames: ["cluster"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    }),
    reconcileErrors: new Counter({
      name: "tenantry_reconcile_errors_total",
      help: "Reconcile attempts that failed (and were queued again with backoff), by cluster",
      labelNames: ["cluster"] as const,
      registers,
    }),
    reconcileQueueDepth: new Gauge({
      name: "tenantry_reconcile_queue_depth",
      help: "Keys queued or being reconciled, by cluster (on the replica leading the background work)",
      labelNames: ["cluster"] as const,
      registers,
      collect() {
        this.reset();
        for (const q of sources.queues?.() ?? []) this.set({ cluster: q.cluster }, q.depth);
      },
    }),
    backgroundLeader: new Gauge({
      name: "tenantry_background_leader",
      help: "1 while this replica holds the leader lock and runs the background work (reconciler, health, retention, housekeeping), else 0",
      registers,
    }),
    backgroundPasses: new Counter({
      name: "tenantry_background_passes_total",
      help: "Periodic background passes (cluster health, audit retention, identity housekeeping) this replica completed as leader",
      registers,
    }),
    clusterUp: new Gauge({
      name: "tenantry_cluster_up",
      help: "1 when the cluster answered its last health check, else 0",
      labelNames: ["cluster"] as const,
      registers,
      async collect() {
        this.reset();
        for (const c of (await sources.clusters?.()) ?? []) this.set({ cluster: c.cluster }, c.up ? 1 : 0);
      },
    }),
    dbPool: new Gauge({
      name: "tenantry_db_pool_connections",
      help: "Database pool connections of this replica: total, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers,
      collect() {
        const p = sources.pool?.();
        if (!p) return;
        this.set({ state: "total" }, p.total);
        this.set({ state: "idle" }, p.idle);
        this.set({ state: "waiting" }, p.waiting);
      },
    }),
  };
}

const cache = globalThis as unknown as { tenantryMetrics?: ReturnType<typeof create> };

export function metrics() {
  cache.tenantryMetrics ??= create();
  return cache.tenantryMetrics;
}

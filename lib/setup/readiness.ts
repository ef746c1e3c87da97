// Whether this replica should get traffic (GET /api/readyz): its database answers, every migration this build
// ships is applied there, and it is not shutting down (scripts/serve.mjs sets the flag on SIGTERM, so a load
// balancer stops sending before the listener closes).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { db } from "../db/client";
import { log } from "../observe/log";

export interface Readiness {
  ready: boolean;
  checks: { database: "up" | "down"; migrations: "applied" | "pending" | "unknown"; serving: "yes" | "draining" };
  reason?: string;
}

const state = globalThis as unknown as { tenantryDraining?: boolean };
let shipped: string[] | undefined;

/** The migrations in this build (prisma/migrations), read once. */
function shippedMigrations(): string[] {
  shipped ??= readdirSync(join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return shipped;
}

export async function readiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = { database: "down", migrations: "unknown", serving: state.tenantryDraining ? "draining" : "yes" };
  let reason: string | undefined = state.tenantryDraining ? "the replica is shutting down" : undefined;
  try {
    const applied = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    checks.database = "up";
    const done = new Set(applied.map((m) => m.migration_name));
    const pending = shippedMigrations().filter((m) => !done.has(m));
    checks.migrations = pending.length ? "pending" : "applied";
    if (pending.length) reason ??= `migrations not applied: ${pending.join(", ")} (run npm run db:migrate)`;
  } catch (err) {
    // The detail (host, port) is for the log, not for an unauthenticated probe.
    log().warn({ err: (err as Error).message }, "readiness: the database does not answer");
    reason ??= "the database does not answer";
  }
  return { ready: !reason, checks, ...(reason ? { reason } : {}) };
}

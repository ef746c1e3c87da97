// Next.js calls register() once per server process: check the configuration and start the background jobs there, and leave scripts/serve.mjs
// what to close on SIGTERM after the last request (the leader lock with the jobs, then the database pool).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/setup/config")).requireValidConfig();
  const { db } = await import("./lib/db/client");
  // The first admin of an install without the demo launcher (TENANTRY_ADMIN_PASSWORD); a database not reachable yet
  // is readyz's to report, not a reason to stop.
  const { ensureInitialAdmin } = await import("./lib/setup/initial-admin");
  await ensureInitialAdmin().catch(async (err) => (await import("./lib/observe/log")).log().warn({ err: (err as Error).message }, "initial admin not created"));
  const jobs = process.env.TENANTRY_BACKGROUND === "0" ? undefined : (await import("./lib/jobs/background")).startBackgroundJobs();
  (globalThis as { tenantryShutdown?: () => Promise<void> }).tenantryShutdown = async () => {
    await jobs?.stop();
    await db().$disconnect();
  };
}

// Next.js calls register() once per server process: check the configuration and start the background jobs there, and leave scripts/serve.mjs
// what to close on SIGTERM after the last request (the leader lock with the jobs, then the database pool).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/setup/config")).requireValidConfig();
  const { db } = await import("./lib/db/client");
  const jobs = process.env.TENANTRY_BACKGROUND === "0" ? undefined : (await import("./lib/jobs/background")).startBackgroundJobs();
  (globalThis as { tenantryShutdown?: () => Promise<void> }).tenantryShutdown = async () => {
    await jobs?.stop();
    await db().$disconnect();
  };
}

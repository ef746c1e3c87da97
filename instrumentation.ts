// Next.js calls register() once per server process: start the background jobs there, and leave scripts/serve.mjs
// what to close on SIGTERM after the last request (the leader lock with the jobs, then the database pool).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { db } = await import("./lib/db/client");
  const jobs = process.env.TENANTRY_BACKGROUND === "0" ? undefined : (await import("./lib/jobs/background")).startBackgroundJobs();
  (globalThis as { tenantryShutdown?: () => Promise<void> }).tenantryShutdown = async () => {
    await jobs?.stop();
    await db().$disconnect();
  };
}

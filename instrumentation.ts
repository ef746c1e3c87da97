// Next.js calls register() once per server process: start the background jobs there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.TENANTRY_BACKGROUND === "0") return;
  const { startBackgroundJobs } = await import("./lib/jobs/background");
  startBackgroundJobs();
}

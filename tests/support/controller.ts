// The reconciler in a test file: the console's own background jobs (lib/jobs/background.ts), started
// in-process without the periodic housekeeping, so services' changes reach the simulators as they do in
// production: through the database, a NOTIFY and the controller's work queue.
import { afterAll, beforeAll } from "vitest";
import type { Prisma } from "@prisma/client";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/jobs/background";

export function withController() {
  let jobs: BackgroundJobs;
  beforeAll(async () => {
    jobs = startBackgroundJobs({ periodic: false, intervalMs: 200 });
    await jobs.leading();
  });
  afterAll(async () => {
    await jobs.stop();
  });
  return {
    jobs: () => jobs,
    /** Resolves once the matching projects are reconciled at their current generation. */
    settled: (where: Prisma.ProjectWhereInput) => jobs.controller()!.settled(where),
  };
}

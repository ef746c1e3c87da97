-- The reconciler durable signal: every change to what the cluster of a project should hold bumps generation
-- in the same transaction as the change, and the controller records the generation it last applied in
-- observedGeneration (as Kubernetes objects do). A project whose observedGeneration lags is owed a reconcile.
ALTER TABLE "Project" ADD COLUMN "generation" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Project" ADD COLUMN "observedGeneration" INTEGER NOT NULL DEFAULT 0;

-- What the controller asks after each notification: only the lagging rows, found without a scan.
CREATE INDEX "Project_lagging_idx" ON "Project" ("clusterId") WHERE "observedGeneration" < "generation";

-- A project moved to another workspace keeps its audit history findable there: events are never rewritten
-- (their hash chain seals workspace and project), so each move records where else they show.
CREATE TABLE "AuditAlias" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fromWorkspace" TEXT NOT NULL,
    "project" TEXT NOT NULL,
    "before" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditAlias_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AuditAlias_workspaceId_idx" ON "AuditAlias"("workspaceId");

ALTER TABLE "AuditAlias" ADD CONSTRAINT "AuditAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

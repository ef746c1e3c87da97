-- DropIndex
DROP INDEX "AuditEvent_username_receivedAt_idx";

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "auditTokenHash" TEXT,
ADD COLUMN     "auditTokenIssuedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AuditEvent_workspace_seq_idx" ON "AuditEvent"("workspace", "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_workspace_project_seq_idx" ON "AuditEvent"("workspace", "project", "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_username_seq_idx" ON "AuditEvent"("username", "seq" DESC);

-- Append-only (hand-written): no UPDATE or TRUNCATE ever, and DELETE only from the retention job
-- (lib/audit/retention.ts), which sets tenantry.audit_retention to on for its own transaction.
-- Prisma's driver adapter splits migration scripts at every semicolon, so the function body spells
-- them as the escape \073.
CREATE FUNCTION tenantry_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' AND current_setting(''tenantry.audit_retention'', true) = ''on'' THEN
    RETURN NULL\073
  END IF\073
  RAISE EXCEPTION ''AuditEvent is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_audit_append_only();

-- Substring search on resource names (hand-written): a trigram index where pg_trgm is available (a real
-- PostgreSQL server), skipped where it is not (the embedded PGlite). Not in schema.prisma on purpose.
DO E'BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm\073 EXCEPTION WHEN OTHERS THEN RAISE NOTICE ''pg_trgm unavailable: %'', SQLERRM\073 END';

DO E'BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = ''pg_trgm'') THEN CREATE INDEX IF NOT EXISTS "AuditEvent_name_trgm_idx" ON "AuditEvent" USING gin ("name" gin_trgm_ops)\073 END IF\073 END';

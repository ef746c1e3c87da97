-- Audit events partitioned by week of "receivedAt" (hand-written: Prisma does not model partitions).
-- Searches newest-first read the newest partitions and stop, retention drops whole weeks, and each week holds
-- its own hash chains, one per lane, so concurrent writers append side by side (lib/audit/record.ts).
-- Prisma's driver adapter splits migration scripts at every semicolon, so function bodies spell them \073.

-- The existing table steps aside (its indexes, trigger and sequence are released), then is copied over.
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
DROP INDEX "AuditEvent_auditId_key";
DROP INDEX "AuditEvent_receivedAt_seq_idx";
DROP INDEX "AuditEvent_workspace_receivedAt_idx";
DROP INDEX "AuditEvent_workspace_seq_idx";
DROP INDEX "AuditEvent_workspace_project_seq_idx";
DROP INDEX "AuditEvent_username_seq_idx";
DROP INDEX IF EXISTS "AuditEvent_name_trgm_idx";
ALTER TABLE "AuditEvent" RENAME TO "AuditEvent_legacy";
ALTER TABLE "AuditEvent_legacy" RENAME CONSTRAINT "AuditEvent_pkey" TO "AuditEvent_legacy_pkey";
ALTER TABLE "AuditEvent_legacy" ALTER COLUMN "seq" DROP DEFAULT;
ALTER SEQUENCE "AuditEvent_seq_seq" OWNED BY NONE;

CREATE TABLE "AuditEvent" (
    "seq" BIGINT NOT NULL DEFAULT nextval('"AuditEvent_seq_seq"'),
    "auditId" UUID NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'console',
    "action" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "username" TEXT,
    "resource" TEXT,
    "namespace" TEXT,
    "name" TEXT,
    "apiGroup" TEXT,
    "cluster" TEXT,
    "workspace" TEXT,
    "project" TEXT,
    "outcome" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "reason" TEXT,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "request" JSONB,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL,
    "lane" SMALLINT NOT NULL DEFAULT 0,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("receivedAt", "seq")
) PARTITION BY RANGE ("receivedAt");

ALTER SEQUENCE "AuditEvent_seq_seq" OWNED BY "AuditEvent"."seq";

CREATE UNIQUE INDEX "AuditEvent_auditId_receivedAt_key" ON "AuditEvent"("auditId", "receivedAt");
CREATE INDEX "AuditEvent_seq_idx" ON "AuditEvent"("seq");
CREATE INDEX "AuditEvent_workspace_receivedAt_seq_idx" ON "AuditEvent"("workspace", "receivedAt" DESC, "seq" DESC);
CREATE INDEX "AuditEvent_workspace_project_receivedAt_seq_idx" ON "AuditEvent"("workspace", "project", "receivedAt" DESC, "seq" DESC);
CREATE INDEX "AuditEvent_username_receivedAt_seq_idx" ON "AuditEvent"("username", "receivedAt" DESC, "seq" DESC);

CREATE TABLE "AuditChain" (
    "partition" TEXT NOT NULL,
    "lane" SMALLINT NOT NULL,
    "firstPrev" TEXT NOT NULL,
    "headHash" TEXT NOT NULL,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("partition","lane")
);

-- Append-only: no UPDATE, DELETE or TRUNCATE, on the table or on any partition. Retention drops partitions.
CREATE OR REPLACE FUNCTION tenantry_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''AuditEvent is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';

-- Row triggers on a partitioned table are cloned onto every partition, TRUNCATE triggers are not.
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION tenantry_audit_append_only();
CREATE TRIGGER "AuditEvent_append_only_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_audit_append_only();

-- The week's partition (Monday 00:00 UTC onwards) holding `at`, created on first use. Returns its name.
-- Concurrent first writers queue on an advisory lock, and the ones after the first find the table made.
CREATE FUNCTION tenantry_audit_partition(at TIMESTAMPTZ) RETURNS TEXT LANGUAGE plpgsql AS E'
DECLARE
  week TIMESTAMPTZ := date_trunc(''week'', at, ''UTC'')\073
  part TEXT := ''AuditEvent_'' || to_char(week AT TIME ZONE ''UTC'', ''YYYYMMDD'')\073
BEGIN
  IF to_regclass(quote_ident(part)) IS NULL THEN
    PERFORM pg_advisory_xact_lock(7260003)\073
    BEGIN
      EXECUTE format(''CREATE TABLE %I PARTITION OF "AuditEvent" FOR VALUES FROM (%L) TO (%L)'', part, week, week + interval ''7 days'')\073
      EXECUTE format(''CREATE TRIGGER "AuditEvent_append_only_truncate" BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION tenantry_audit_append_only()'', part)\073
    EXCEPTION WHEN duplicate_table THEN NULL\073
    END\073
  END IF\073
  RETURN part\073
END
';

-- Substring search on resource names: a trigram index where pg_trgm is available (a real PostgreSQL
-- server), skipped where it is not (the embedded PGlite). Not in schema.prisma on purpose.
DO E'BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = ''pg_trgm'') THEN CREATE INDEX IF NOT EXISTS "AuditEvent_name_trgm_idx" ON "AuditEvent" USING gin ("name" gin_trgm_ops)\073 END IF\073 END';

-- Copy the existing events in order. The old single chain becomes one chain per week (lane 0), each
-- starting from the hash its first event already follows.
SELECT tenantry_audit_partition(w) FROM (SELECT DISTINCT date_trunc('week', "receivedAt", 'UTC') AS w FROM "AuditEvent_legacy") weeks;

INSERT INTO "AuditEvent" ("seq","auditId","source","action","verb","username","resource","namespace","name","apiGroup","cluster",
  "workspace","project","outcome","statusCode","reason","sourceIp","userAgent","request","receivedAt","completedAt","lane","prevHash","hash")
SELECT "seq","auditId","source","action","verb","username","resource","namespace","name","apiGroup","cluster",
  "workspace","project","outcome","statusCode","reason","sourceIp","userAgent","request","receivedAt","completedAt",0,"prevHash","hash"
FROM "AuditEvent_legacy" ORDER BY "seq";

INSERT INTO "AuditChain" ("partition","lane","firstPrev","headHash")
SELECT c.relname, 0, (array_agg(e."prevHash" ORDER BY e."seq"))[1], (array_agg(e."hash" ORDER BY e."seq" DESC))[1]
FROM "AuditEvent" e JOIN pg_class c ON c.oid = e.tableoid GROUP BY c.relname;

DROP TABLE "AuditEvent_legacy";

-- A week's partition is now made as a table of its own and then attached. CREATE TABLE ... PARTITION OF
-- locks "AuditEvent" ACCESS EXCLUSIVE, which waits on every transaction that has read or written the table
-- while those may be queued on the creation lock here: the first writers of a new week deadlocked.
-- ATTACH PARTITION needs only SHARE UPDATE EXCLUSIVE, which readers and writers do not conflict with, and
-- clones the table's indexes and row triggers onto the new partition as PARTITION OF did.
-- (Prisma's driver adapter splits migration scripts at every semicolon, so the body spells them \073.)
CREATE OR REPLACE FUNCTION tenantry_audit_partition(at TIMESTAMPTZ) RETURNS TEXT LANGUAGE plpgsql AS E'
DECLARE
  week TIMESTAMPTZ := date_trunc(''week'', at, ''UTC'')\073
  part TEXT := ''AuditEvent_'' || to_char(week AT TIME ZONE ''UTC'', ''YYYYMMDD'')\073
BEGIN
  IF to_regclass(quote_ident(part)) IS NULL THEN
    PERFORM pg_advisory_xact_lock(7260003)\073
    BEGIN
      EXECUTE format(''CREATE TABLE %I (LIKE "AuditEvent" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)'', part)\073
      EXECUTE format(''ALTER TABLE "AuditEvent" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)'', part, week, week + interval ''7 days'')\073
      EXECUTE format(''CREATE TRIGGER "AuditEvent_append_only_truncate" BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION tenantry_audit_append_only()'', part)\073
    EXCEPTION WHEN duplicate_table THEN NULL\073
    END\073
  END IF\073
  RETURN part\073
END
';

-- Name substring searches inside a workspace or project (hand-written, not in schema.prisma): one GIN index
-- over workspace, project and the name's trigrams replaces the name-only one. btree_gin makes the equality
-- columns GIN-indexable, so scope and substring meet inside one index instead of ANDing a large B-tree
-- bitmap with the trigram one, and platform-wide name searches still use the name column alone.
-- Skipped where the extensions are unavailable (the embedded PGlite).
DO E'BEGIN CREATE EXTENSION IF NOT EXISTS btree_gin\073 EXCEPTION WHEN OTHERS THEN RAISE NOTICE ''btree_gin unavailable: %'', SQLERRM\073 END';

DO E'BEGIN IF (SELECT count(*) FROM pg_extension WHERE extname IN (''pg_trgm'', ''btree_gin'')) = 2 THEN DROP INDEX IF EXISTS "AuditEvent_name_trgm_idx"\073 CREATE INDEX IF NOT EXISTS "AuditEvent_scope_name_trgm_idx" ON "AuditEvent" USING gin ("workspace", "project", "name" gin_trgm_ops)\073 END IF\073 END';

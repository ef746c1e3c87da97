-- Name substring search on every PostgreSQL, the embedded one included (hand-written, not in schema.prisma).
-- An event's name is indexed by its 3-character substrings twice: on their own (platform-wide searches) and
-- prefixed by the event's workspace (a tenant's searches). A workspace's posting list for a substring is as
-- short as that workspace's matches, where ANDing a workspace with trigrams common across all tenants read
-- every tenant's entries. Case-sensitive, like the LIKE it stands in for, and no extension needed.
-- lib/audit/search.ts builds a pattern's substrings the same way (nameGrams). Written for the webhook's pace:
-- PL/pgSQL, twice as fast as the same in SQL, and the substrings compared bytewise (COLLATE "C", which searches
-- name too), not by the database's locale. The default 4 MB pending list halves the cost of each insert
-- against 512 kB, for a few milliseconds more per name search while the webhook is busy.
CREATE FUNCTION tenantry_name_grams(scope TEXT, s TEXT) RETURNS TEXT[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS E'
DECLARE
  grams TEXT[] := ''{}''\073
  g TEXT\073
BEGIN
  FOR i IN 1 .. coalesce(length(s), 0) - 2 LOOP
    g := substr(s, i, 3)\073
    grams := grams || g\073
    IF scope IS NOT NULL THEN grams := grams || (scope || chr(31) || g)\073 END IF\073
  END LOOP\073
  RETURN grams\073
END
';

DROP INDEX IF EXISTS "AuditEvent_scope_name_trgm_idx";
DROP INDEX IF EXISTS "AuditEvent_name_trgm_idx";
CREATE INDEX "AuditEvent_name_grams_idx" ON "AuditEvent" USING gin ((tenantry_name_grams("workspace", "name")) COLLATE "C");

-- Name substring search on every PostgreSQL, the embedded one included (hand-written, not in schema.prisma).
-- An event's name is indexed by its 3-character substrings twice: on their own (platform-wide searches) and
-- prefixed by the event's workspace (a tenant's searches). A workspace's posting list for a substring is as
-- short as that workspace's matches, where ANDing a workspace with trigrams common across all tenants read
-- every tenant's entries. Case-sensitive, like the LIKE it stands in for, and no extension needed.
-- lib/audit/search.ts builds a pattern's substrings the same way (nameGrams). A small pending list (512 kB, not
-- 4 MB): every search reads it whole, and the webhook fills it quickly.
CREATE FUNCTION tenantry_name_grams(scope text, s text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT p || substr(s, i, 3)), '{}')
  FROM generate_series(1, length(s) - 2) i, unnest(CASE WHEN scope IS NULL THEN ARRAY[''] ELSE ARRAY['', scope || chr(31)] END) p
$$;

DROP INDEX IF EXISTS "AuditEvent_scope_name_trgm_idx";
DROP INDEX IF EXISTS "AuditEvent_name_trgm_idx";
CREATE INDEX "AuditEvent_name_grams_idx" ON "AuditEvent" USING gin (tenantry_name_grams("workspace", "name")) WITH (gin_pending_list_limit = 512);

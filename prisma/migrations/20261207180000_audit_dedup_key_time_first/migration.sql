-- The webhook's deduplication key (auditId, receivedAt) with receivedAt first. Led by a random UUID, every event
-- went into a random leaf of its week's index: after each checkpoint nearly every insert wrote a whole page to the
-- WAL again, and a week's index larger than memory would be read from disk for each one. Time first, new events
-- land at the index's right edge, as they do in the primary key. The same columns, so the same uniqueness, and the
-- deduplication looks pairs up by both (lib/audit/ingest.ts). Measured: 130,000 events copied into a full week's
-- partition (2.3M events) wrote 536 MB of WAL before, 460 MB after (docs/benchmarks.md, "Webhook ingest").
-- The new index first, so the log is never without one.
CREATE UNIQUE INDEX "AuditEvent_receivedAt_auditId_key" ON "AuditEvent"("receivedAt", "auditId");
DROP INDEX "AuditEvent_auditId_receivedAt_key";

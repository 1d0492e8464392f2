-- The complaint queue (packages/api/src/complaints/complaints.queue.ts): open cases only (a few percent of
-- all cases once the years add up), ordered by the resolve deadline, with every column the queue filters and
-- counts on, so that its page, its total and its counts per state are index-only scans of a small index.
-- The schema language cannot express a partial index with INCLUDE columns, hence this hand-written migration.
CREATE INDEX "Complaint_open_queue_idx" ON "Complaint" ("resolveDueAt", "id")
  INCLUDE ("state", "acceptDueAt", "departmentId", "ownerId", "categoryId", "kind", "channel", "retailerId")
  WHERE "state" <> 'CLOSED';

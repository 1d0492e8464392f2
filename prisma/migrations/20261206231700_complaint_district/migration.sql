-- The closed history of a district (the queue with state CLOSED and a district) joined every closed case to its
-- shop to read the shop's district: the planner walked three years of closed cases in deadline order, looking
-- up each one's shop, and counted the history by merging the cases with the shops (bench/complaint-queue on
-- the province set: 58 ms for the page and 68 ms for the count in EXPLAIN ANALYZE). The case therefore also
-- carries its shop's district, kept by the same triggers as its account manager (the app never writes it), and
-- a district's closed cases are an index range.
ALTER TABLE "Complaint" ADD COLUMN "districtId" INTEGER;

UPDATE "Complaint" c SET "districtId" = r."districtId" FROM "Retailer" r WHERE r.id = c."retailerId";

-- A case filed (or moved to another shop) takes the shop's manager and district.
DROP TRIGGER complaint_takes_account_manager ON "Complaint";
DROP FUNCTION complaint_takes_account_manager();
CREATE FUNCTION complaint_takes_shop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."accountManagerId", r."districtId" INTO NEW."accountManagerId", NEW."districtId" FROM "Retailer" r WHERE r.id = NEW."retailerId";
  RETURN NEW;
END
$$;
CREATE TRIGGER complaint_takes_shop BEFORE INSERT OR UPDATE OF "retailerId", "accountManagerId", "districtId" ON "Complaint"
  FOR EACH ROW EXECUTE FUNCTION complaint_takes_shop();

-- A shop given to another manager or moved to another district moves its cases along.
DROP TRIGGER retailer_moves_complaints ON "Retailer";
CREATE OR REPLACE FUNCTION retailer_moves_complaints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Complaint" SET "accountManagerId" = NEW."accountManagerId", "districtId" = NEW."districtId" WHERE "retailerId" = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER retailer_moves_complaints AFTER UPDATE OF "accountManagerId", "districtId" ON "Retailer"
  FOR EACH ROW WHEN (OLD."accountManagerId" IS DISTINCT FROM NEW."accountManagerId" OR OLD."districtId" IS DISTINCT FROM NEW."districtId")
  EXECUTE FUNCTION retailer_moves_complaints();

-- The open queue filters by district too: the open-cases index carries it, so those views stay index-only.
DROP INDEX "Complaint_open_queue_idx";
CREATE INDEX "Complaint_open_queue_idx" ON "Complaint" ("resolveDueAt", "id")
  INCLUDE ("state", "acceptDueAt", "departmentId", "ownerId", "categoryId", "kind", "channel", "retailerId", "districtId")
  WHERE "state" <> 'CLOSED';

-- A district's closed cases in deadline order: the history's page and its capped count.
CREATE INDEX "Complaint_district_history_idx" ON "Complaint" ("districtId", "resolveDueAt", "id") WHERE "state" = 'CLOSED';

-- An account manager's complaint queue lists their shops' open cases by deadline. Joined to the shops, the
-- planner walks every open case in deadline order and looks up each one's shop, so a manager with few open
-- cases among many read them all (bench/complaint-queue at 80 % open: p95 278 ms, 1.5 s for some managers).
-- The case therefore carries its shop's account manager, kept by the two triggers below whatever writes the
-- case or moves the shop (the app never writes the column), and the manager's open cases are an index range.
ALTER TABLE "Complaint" ADD COLUMN "accountManagerId" INTEGER;

UPDATE "Complaint" c SET "accountManagerId" = r."accountManagerId" FROM "Retailer" r WHERE r.id = c."retailerId";

-- A case filed (or moved to another shop) takes the shop's manager.
CREATE FUNCTION complaint_takes_account_manager() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."accountManagerId" := (SELECT r."accountManagerId" FROM "Retailer" r WHERE r.id = NEW."retailerId");
  RETURN NEW;
END
$$;
CREATE TRIGGER complaint_takes_account_manager BEFORE INSERT OR UPDATE OF "retailerId", "accountManagerId" ON "Complaint"
  FOR EACH ROW EXECUTE FUNCTION complaint_takes_account_manager();

-- A shop given to another manager (or left without one when its manager is deleted) moves its cases along.
CREATE FUNCTION retailer_moves_complaints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Complaint" SET "accountManagerId" = NEW."accountManagerId" WHERE "retailerId" = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER retailer_moves_complaints AFTER UPDATE OF "accountManagerId" ON "Retailer"
  FOR EACH ROW WHEN (OLD."accountManagerId" IS DISTINCT FROM NEW."accountManagerId")
  EXECUTE FUNCTION retailer_moves_complaints();

-- The manager's open cases in deadline order, with what the queue filters and counts on (as Complaint_open_queue_idx).
CREATE INDEX "Complaint_manager_open_queue_idx" ON "Complaint" ("accountManagerId", "resolveDueAt", "id")
  INCLUDE ("state", "acceptDueAt", "departmentId", "ownerId", "categoryId", "kind", "channel", "retailerId")
  WHERE "state" <> 'CLOSED';

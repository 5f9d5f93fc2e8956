-- Issue 9 (P1): what the executive dashboard reads on every request, made cheap to read where the
-- range's rows grow with the tenant.

-- 1. Each account's newest health snapshot (day, health score, expansion score) on the account itself,
--    kept by a trigger whoever writes snapshots (the health job, the seed, imports), backfilled here.
--    The expansion list read the newest snapshot of every account through a lookup per account.
ALTER TABLE "CustomerAccount" ADD COLUMN     "latestExpansionScore" DOUBLE PRECISION,
ADD COLUMN     "latestHealthDay" DATE,
ADD COLUMN     "latestHealthScore" DOUBLE PRECISION;

-- The account's newest snapshot, recomputed from its snapshots (after a delete) or advanced by one row.
CREATE FUNCTION onward_account_refresh_latest_health(account_id text) RETURNS void
LANGUAGE sql AS $$
  UPDATE "CustomerAccount"
  SET ("latestHealthDay", "latestHealthScore", "latestExpansionScore") =
      (SELECT day, score, "expansionScore" FROM "HealthSnapshot" WHERE "customerAccountId" = account_id ORDER BY day DESC LIMIT 1)
  WHERE id = account_id
$$;

CREATE FUNCTION onward_health_snapshot_latest() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD."customerAccountId" <> NEW."customerAccountId" OR OLD.day <> NEW.day)) THEN
    PERFORM onward_account_refresh_latest_health(OLD."customerAccountId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "CustomerAccount"
    SET "latestHealthDay" = NEW.day, "latestHealthScore" = NEW.score, "latestExpansionScore" = NEW."expansionScore"
    WHERE id = NEW."customerAccountId" AND ("latestHealthDay" IS NULL OR "latestHealthDay" <= NEW.day);
  END IF;
  RETURN NULL;
END
$$;

UPDATE "CustomerAccount" a
SET "latestHealthDay" = h.day, "latestHealthScore" = h.score, "latestExpansionScore" = h."expansionScore"
FROM (SELECT DISTINCT ON ("customerAccountId") "customerAccountId", day, score, "expansionScore"
      FROM "HealthSnapshot" ORDER BY "customerAccountId", day DESC) h
WHERE h."customerAccountId" = a.id;

CREATE TRIGGER "HealthSnapshot_latest" AFTER INSERT OR UPDATE OR DELETE ON "HealthSnapshot"
  FOR EACH ROW EXECUTE FUNCTION onward_health_snapshot_latest();

-- 2. Milestones validated in the range: the index the dashboard reads them through also holds the
--    columns it counts by (status, due date), so the count is an index-only scan. Same name and key
--    columns as the schema's @@index([tenantId, validatedAt]).
DROP INDEX "Milestone_tenantId_validatedAt_idx";
CREATE INDEX "Milestone_tenantId_validatedAt_idx" ON "Milestone"("tenantId", "validatedAt") INCLUDE (status, "dueDate");

-- Issue 9: the dashboard's expansion trend summed every account's daily health snapshot of the range
-- (300 k rows for a tenant of 3 333 accounts over 90 days); it now reads one row a day. The sums are
-- exact decimals, so adding and subtracting in place never drifts from the snapshots' own sum.

-- CreateTable
CREATE TABLE "TenantHealthDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "snapshots" INTEGER NOT NULL,
    "scoreSum" DECIMAL(65,30) NOT NULL,
    "expansionSnapshots" INTEGER NOT NULL,
    "expansionScoreSum" DECIMAL(65,30) NOT NULL,

    CONSTRAINT "TenantHealthDay_pkey" PRIMARY KEY ("tenantId","day")
);

-- AddForeignKey
ALTER TABLE "TenantHealthDay" ADD CONSTRAINT "TenantHealthDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tenant's days recomputed from its snapshots (the backfill below; bulk loads that skip triggers).
CREATE FUNCTION onward_tenant_health_days_refresh(tenant_id text) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "TenantHealthDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "TenantHealthDay" ("tenantId", day, snapshots, "scoreSum", "expansionSnapshots", "expansionScoreSum")
  SELECT "tenantId", day, count(*)::int, sum(score::numeric), count("expansionScore")::int, COALESCE(sum("expansionScore"::numeric), 0)
  FROM "HealthSnapshot" WHERE "tenantId" = tenant_id GROUP BY "tenantId", day;
$$;

-- Each snapshot written, changed or deleted moves its day's sums by itself. A delete only updates (and
-- drops a day left without snapshots): it never inserts, so a tenant's cascade delete cannot trip the
-- foreign key of a day row it is deleting.
CREATE FUNCTION onward_health_snapshot_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "TenantHealthDay"
    SET snapshots = snapshots - 1,
        "scoreSum" = "scoreSum" - OLD.score::numeric,
        "expansionSnapshots" = "expansionSnapshots" - (OLD."expansionScore" IS NOT NULL)::int,
        "expansionScoreSum" = "expansionScoreSum" - COALESCE(OLD."expansionScore"::numeric, 0)
    WHERE "tenantId" = OLD."tenantId" AND day = OLD.day;
    DELETE FROM "TenantHealthDay" WHERE "tenantId" = OLD."tenantId" AND day = OLD.day AND snapshots <= 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "TenantHealthDay" AS d ("tenantId", day, snapshots, "scoreSum", "expansionSnapshots", "expansionScoreSum")
    VALUES (NEW."tenantId", NEW.day, 1, NEW.score::numeric, (NEW."expansionScore" IS NOT NULL)::int, COALESCE(NEW."expansionScore"::numeric, 0))
    ON CONFLICT ("tenantId", day) DO UPDATE
    SET snapshots = d.snapshots + 1,
        "scoreSum" = d."scoreSum" + EXCLUDED."scoreSum",
        "expansionSnapshots" = d."expansionSnapshots" + EXCLUDED."expansionSnapshots",
        "expansionScoreSum" = d."expansionScoreSum" + EXCLUDED."expansionScoreSum";
  END IF;
  RETURN NULL;
END
$$;

SELECT onward_tenant_health_days_refresh(id) FROM "Tenant";

CREATE TRIGGER "HealthSnapshot_daily" AFTER INSERT OR UPDATE OR DELETE ON "HealthSnapshot"
  FOR EACH ROW EXECUTE FUNCTION onward_health_snapshot_daily();

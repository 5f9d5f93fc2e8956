-- The dashboard's decided guarantees rolled up per tenant and day decided (docs/dashboard.md#rollups): the
-- facts statement looked each of the range's guarantees up in Project and Lead (its qualification) and in
-- the refunds (claimed), half of its remaining cost at 100k (bench/README.md, P1). A guarantee's key —
-- status, qualified, claimed, case-study flag or score — can change after the day it is counted on, so
-- GuaranteeRollup remembers what each guarantee adds now, and one function re-decides a guarantee's key
-- whenever anything it depends on is written: the guarantee, its refunds, its project's lead link, the
-- lead's qualification.

-- CreateTable
CREATE TABLE "TenantGuaranteeDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "GuaranteeStatus" NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    "claimed" BOOLEAN NOT NULL,
    "caseFlag" INTEGER NOT NULL,
    "caseScore" INTEGER NOT NULL,
    "guarantees" INTEGER NOT NULL,

    CONSTRAINT "TenantGuaranteeDay_pkey" PRIMARY KEY ("tenantId","day","status","qualified","claimed","caseFlag","caseScore")
);

-- CreateTable
CREATE TABLE "GuaranteeRollup" (
    "guaranteeId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "GuaranteeStatus" NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    "claimed" BOOLEAN NOT NULL,
    "caseFlag" INTEGER NOT NULL,
    "caseScore" INTEGER NOT NULL,

    CONSTRAINT "GuaranteeRollup_pkey" PRIMARY KEY ("guaranteeId")
);

-- CreateIndex
CREATE INDEX "GuaranteeRollup_tenantId_idx" ON "GuaranteeRollup"("tenantId");

-- AddForeignKey
ALTER TABLE "TenantGuaranteeDay" ADD CONSTRAINT "TenantGuaranteeDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuaranteeRollup" ADD CONSTRAINT "GuaranteeRollup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


CREATE FUNCTION onward_guarantee_day_move(tenant_id text, d date, st "GuaranteeStatus", q boolean, c boolean, cf int, cs int, n int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    INSERT INTO "TenantGuaranteeDay" AS x ("tenantId", day, status, qualified, claimed, "caseFlag", "caseScore", guarantees)
    SELECT tenant_id, d, st, q, c, cf, cs, n WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = tenant_id)
    ON CONFLICT ("tenantId", day, status, qualified, claimed, "caseFlag", "caseScore") DO UPDATE SET guarantees = x.guarantees + EXCLUDED.guarantees;
  ELSE
    UPDATE "TenantGuaranteeDay" SET guarantees = guarantees + n
    WHERE "tenantId" = tenant_id AND day = d AND status = st AND qualified = q AND claimed = c AND "caseFlag" = cf AND "caseScore" = cs;
    DELETE FROM "TenantGuaranteeDay"
    WHERE "tenantId" = tenant_id AND day = d AND status = st AND qualified = q AND claimed = c AND "caseFlag" = cf AND "caseScore" = cs AND guarantees <= 0;
  END IF;
END
$$;

-- The rollup key of a tenant's decided guarantees (all of them, or one): the same joins and the same
-- reading of the outcome as the dashboard's decidedGuarantees fragment (server/db/dashboard-sources.ts).
CREATE FUNCTION onward_guarantee_rollup_rows(tenant_id text, guarantee_id text) RETURNS SETOF "GuaranteeRollup"
LANGUAGE sql STABLE AS $$
  SELECT g.id, g."tenantId", COALESCE(g."decidedAt", g."endsAt")::date, g.status, l."qualifiedAt" IS NOT NULL,
         EXISTS (SELECT 1 FROM "Refund" rf WHERE rf."guaranteeId" = g.id AND rf."tenantId" = g."tenantId"),
         CASE WHEN g.status = 'SUCCEEDED' AND jsonb_typeof(g.outcome -> 'caseStudyPotential') = 'boolean'
              THEN (g.outcome ->> 'caseStudyPotential')::boolean::int ELSE -1 END,
         CASE WHEN g.status <> 'SUCCEEDED' OR jsonb_typeof(g.outcome -> 'caseStudyPotential') = 'boolean' THEN -2
              WHEN jsonb_typeof(g.outcome -> 'successScore') = 'number'
              THEN LEAST(GREATEST(floor((g.outcome ->> 'successScore')::float8), -1), 101)::int
              ELSE -2 END
  FROM "Guarantee" g
  JOIN "Project" p ON p.id = g."projectId" AND p."tenantId" = g."tenantId"
  LEFT JOIN "Lead" l ON l.id = p."leadId" AND l."tenantId" = g."tenantId"
  WHERE g."tenantId" = tenant_id AND (guarantee_id IS NULL OR g.id = guarantee_id) AND g.status IN ('SUCCEEDED', 'FAILED', 'REMEDIED')
$$;

-- One guarantee's key re-decided: what it added is taken back and what it adds now is added. The
-- guarantee row is locked first (NO KEY UPDATE, which a refund's key-share lock does not wait for), so
-- two writers of one guarantee's inputs take turns.
CREATE FUNCTION onward_guarantee_rollup_sync(guarantee_id text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tenant_id text;
  was "GuaranteeRollup"%ROWTYPE;
  had boolean;
  now_ "GuaranteeRollup"%ROWTYPE;
  has boolean;
BEGIN
  SELECT "tenantId" INTO tenant_id FROM "Guarantee" WHERE id = guarantee_id FOR NO KEY UPDATE;
  SELECT * INTO was FROM "GuaranteeRollup" r WHERE r."guaranteeId" = guarantee_id;
  had := FOUND;
  has := false;
  IF tenant_id IS NOT NULL THEN
    SELECT * INTO now_ FROM onward_guarantee_rollup_rows(tenant_id, guarantee_id);
    has := FOUND;
  END IF;
  IF had AND has AND was IS NOT DISTINCT FROM now_ THEN RETURN; END IF;
  IF had THEN
    PERFORM onward_guarantee_day_move(was."tenantId", was.day, was.status, was.qualified, was.claimed, was."caseFlag", was."caseScore", -1);
    DELETE FROM "GuaranteeRollup" r WHERE r."guaranteeId" = guarantee_id;
  END IF;
  IF has THEN
    PERFORM onward_guarantee_day_move(now_."tenantId", now_.day, now_.status, now_.qualified, now_.claimed, now_."caseFlag", now_."caseScore", 1);
    INSERT INTO "GuaranteeRollup" SELECT now_.* WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = now_."tenantId");
  END IF;
END
$$;

-- A tenant's guarantee rollups recomputed from its rows (the backfill below, the rebuild command, the
-- bench generator).
CREATE FUNCTION onward_guarantee_rollups_refresh(tenant_id text) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "GuaranteeRollup" WHERE "tenantId" = tenant_id;
  DELETE FROM "TenantGuaranteeDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "GuaranteeRollup" SELECT * FROM onward_guarantee_rollup_rows(tenant_id, NULL);
  INSERT INTO "TenantGuaranteeDay" ("tenantId", day, status, qualified, claimed, "caseFlag", "caseScore", guarantees)
  SELECT "tenantId", day, status, qualified, claimed, "caseFlag", "caseScore", count(*)::int
  FROM "GuaranteeRollup" WHERE "tenantId" = tenant_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
$$;

CREATE FUNCTION onward_guarantee_rollup_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD."tenantId", OLD."projectId", OLD.status, OLD."decidedAt", OLD."endsAt", OLD.outcome)
                          IS NOT DISTINCT FROM (NEW.id, NEW."tenantId", NEW."projectId", NEW.status, NEW."decidedAt", NEW."endsAt", NEW.outcome) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM onward_guarantee_rollup_sync(OLD.id); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.id <> OLD.id) THEN PERFORM onward_guarantee_rollup_sync(NEW.id); END IF;
  RETURN NULL;
END
$$;

-- A refund claimed, moved or removed changes its guarantee's "claimed".
CREATE FUNCTION onward_refund_guarantee_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."guaranteeId", OLD."tenantId") IS NOT DISTINCT FROM (NEW."guaranteeId", NEW."tenantId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM onward_guarantee_rollup_sync(OLD."guaranteeId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."guaranteeId" <> OLD."guaranteeId") THEN
    PERFORM onward_guarantee_rollup_sync(NEW."guaranteeId");
  END IF;
  RETURN NULL;
END
$$;

-- A project linked to another lead (or none) changes its guarantee's "qualified".
CREATE FUNCTION onward_guarantee_rollup_of_project() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."leadId", OLD."tenantId") IS NOT DISTINCT FROM (NEW."leadId", NEW."tenantId") THEN RETURN NULL; END IF;
  PERFORM onward_guarantee_rollup_sync(g.id) FROM "Guarantee" g WHERE g."projectId" = NEW.id;
  RETURN NULL;
END
$$;

-- A lead qualified, un-qualified or moved changes "qualified" for its projects' guarantees.
CREATE FUNCTION onward_lead_guarantee_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."qualifiedAt" IS NULL, OLD."tenantId") IS NOT DISTINCT FROM (NEW."qualifiedAt" IS NULL, NEW."tenantId") THEN RETURN NULL; END IF;
  PERFORM onward_guarantee_rollup_sync(g.id) FROM "Project" p JOIN "Guarantee" g ON g."projectId" = p.id WHERE p."leadId" = NEW.id;
  RETURN NULL;
END
$$;

SELECT onward_guarantee_rollups_refresh(id) FROM "Tenant";

CREATE TRIGGER "Guarantee_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Guarantee"
  FOR EACH ROW EXECUTE FUNCTION onward_guarantee_rollup_daily();
CREATE TRIGGER "Refund_guarantee_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Refund"
  FOR EACH ROW EXECUTE FUNCTION onward_refund_guarantee_rollup();
CREATE TRIGGER "Project_guarantee_rollup" AFTER UPDATE ON "Project"
  FOR EACH ROW EXECUTE FUNCTION onward_guarantee_rollup_of_project();
CREATE TRIGGER "Lead_guarantee_rollup" AFTER UPDATE ON "Lead"
  FOR EACH ROW EXECUTE FUNCTION onward_lead_guarantee_rollup();

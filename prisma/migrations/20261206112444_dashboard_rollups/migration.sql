-- The dashboard's facts that do not change once counted, rolled up per tenant and day (UTC) so a request
-- reads one row a day (and a histogram key) instead of every row of the range (docs/dashboard.md#rollups):
-- survey answers by kind and score, quality validations and their gates, validated milestones by
-- success and lateness (the on-time grace stays a read-time setting), bookings and the accounts' first
-- bookings (an expansion is a booking that is not its account's first). Kept by row triggers in the
-- writing transaction, insert/update/delete alike; onward_dashboard_rollups_refresh(tenant) rebuilds a
-- tenant's rollups from its rows (the backfill below, `npm run db:rollups:rebuild`, the bench generator).

-- AlterTable
ALTER TABLE "CustomerAccount" ADD COLUMN     "firstBookingAt" TIMESTAMP(3),
ADD COLUMN     "firstBookingCents" INTEGER;

-- CreateTable
CREATE TABLE "TenantSurveyDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" "SurveyKind" NOT NULL,
    "score" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL,

    CONSTRAINT "TenantSurveyDay_pkey" PRIMARY KEY ("tenantId","day","kind","score")
);

-- CreateTable
CREATE TABLE "TenantQualityDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "validations" INTEGER NOT NULL,
    "gatesPassed" INTEGER NOT NULL,
    "gatesFailed" INTEGER NOT NULL,

    CONSTRAINT "TenantQualityDay_pkey" PRIMARY KEY ("tenantId","day")
);

-- CreateTable
CREATE TABLE "TenantMilestoneDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "lateHours" INTEGER NOT NULL,
    "milestones" INTEGER NOT NULL,

    CONSTRAINT "TenantMilestoneDay_pkey" PRIMARY KEY ("tenantId","day","succeeded","lateHours")
);

-- CreateTable
CREATE TABLE "TenantBookingDay" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "bookings" INTEGER NOT NULL,
    "bookedCents" BIGINT NOT NULL,
    "firstBookings" INTEGER NOT NULL,
    "firstCents" BIGINT NOT NULL,

    CONSTRAINT "TenantBookingDay_pkey" PRIMARY KEY ("tenantId","day")
);

-- CreateIndex
CREATE INDEX "CustomerAccount_tenantId_firstBookingAt_idx" ON "CustomerAccount"("tenantId", "firstBookingAt");

-- AddForeignKey
ALTER TABLE "TenantSurveyDay" ADD CONSTRAINT "TenantSurveyDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantQualityDay" ADD CONSTRAINT "TenantQualityDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantMilestoneDay" ADD CONSTRAINT "TenantMilestoneDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantBookingDay" ADD CONSTRAINT "TenantBookingDay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A rollup row moved by a delta. A positive move inserts the row if missing, but only while the tenant
-- exists: a tenant's cascade delete can move an account's first booking to another project that is
-- itself about to be deleted, and must not trip the foreign key of a day row it is deleting. A move
-- that empties a row drops it.
CREATE FUNCTION onward_survey_day_move(tenant_id text, d date, k "SurveyKind", s int, n int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    INSERT INTO "TenantSurveyDay" AS x ("tenantId", day, kind, score, answers)
    SELECT tenant_id, d, k, s, n WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = tenant_id)
    ON CONFLICT ("tenantId", day, kind, score) DO UPDATE SET answers = x.answers + EXCLUDED.answers;
  ELSE
    UPDATE "TenantSurveyDay" SET answers = answers + n WHERE "tenantId" = tenant_id AND day = d AND kind = k AND score = s;
    DELETE FROM "TenantSurveyDay" WHERE "tenantId" = tenant_id AND day = d AND kind = k AND score = s AND answers <= 0;
  END IF;
END
$$;

CREATE FUNCTION onward_quality_day_move(tenant_id text, d date, n int, passed int, failed int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    INSERT INTO "TenantQualityDay" AS x ("tenantId", day, validations, "gatesPassed", "gatesFailed")
    SELECT tenant_id, d, n, passed, failed WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = tenant_id)
    ON CONFLICT ("tenantId", day) DO UPDATE
    SET validations = x.validations + EXCLUDED.validations, "gatesPassed" = x."gatesPassed" + EXCLUDED."gatesPassed",
        "gatesFailed" = x."gatesFailed" + EXCLUDED."gatesFailed";
  ELSE
    UPDATE "TenantQualityDay" SET validations = validations + n, "gatesPassed" = "gatesPassed" + passed, "gatesFailed" = "gatesFailed" + failed
    WHERE "tenantId" = tenant_id AND day = d;
    DELETE FROM "TenantQualityDay" WHERE "tenantId" = tenant_id AND day = d AND validations <= 0;
  END IF;
END
$$;

CREATE FUNCTION onward_milestone_day_move(tenant_id text, d date, ok boolean, late int, n int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF n > 0 THEN
    INSERT INTO "TenantMilestoneDay" AS x ("tenantId", day, succeeded, "lateHours", milestones)
    SELECT tenant_id, d, ok, late, n WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = tenant_id)
    ON CONFLICT ("tenantId", day, succeeded, "lateHours") DO UPDATE SET milestones = x.milestones + EXCLUDED.milestones;
  ELSE
    UPDATE "TenantMilestoneDay" SET milestones = milestones + n
    WHERE "tenantId" = tenant_id AND day = d AND succeeded = ok AND "lateHours" = late;
    DELETE FROM "TenantMilestoneDay" WHERE "tenantId" = tenant_id AND day = d AND succeeded = ok AND "lateHours" = late AND milestones <= 0;
  END IF;
END
$$;

CREATE FUNCTION onward_booking_day_move(tenant_id text, d date, d_bookings int, d_cents bigint, d_firsts int, d_first_cents bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF d_bookings > 0 OR d_firsts > 0 THEN
    INSERT INTO "TenantBookingDay" AS x ("tenantId", day, bookings, "bookedCents", "firstBookings", "firstCents")
    SELECT tenant_id, d, d_bookings, d_cents, d_firsts, d_first_cents WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE id = tenant_id)
    ON CONFLICT ("tenantId", day) DO UPDATE
    SET bookings = x.bookings + EXCLUDED.bookings, "bookedCents" = x."bookedCents" + EXCLUDED."bookedCents",
        "firstBookings" = x."firstBookings" + EXCLUDED."firstBookings", "firstCents" = x."firstCents" + EXCLUDED."firstCents";
  ELSE
    UPDATE "TenantBookingDay"
    SET bookings = bookings + d_bookings, "bookedCents" = "bookedCents" + d_cents,
        "firstBookings" = "firstBookings" + d_firsts, "firstCents" = "firstCents" + d_first_cents
    WHERE "tenantId" = tenant_id AND day = d;
    DELETE FROM "TenantBookingDay" WHERE "tenantId" = tenant_id AND day = d AND bookings <= 0 AND "firstBookings" <= 0;
  END IF;
END
$$;

-- A validated milestone's lateness past its due date in whole hours rounded up, clamped to 0…721: it is
-- on time for a grace of G whole hours (0 ≤ G ≤ 720) exactly when lateHours ≤ G.
CREATE FUNCTION onward_milestone_late_hours(validated timestamp(3), due timestamp(3)) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT LEAST(GREATEST(ceil(EXTRACT(EPOCH FROM (validated - due)) / 3600), 0), 721)::int
$$;

-- An account's first booking recomputed, and the day rows moved if it changed. The account row is locked
-- first (NO KEY UPDATE: it does not wait for the key-share locks of concurrent project inserts), so two
-- writers of the same account's projects take turns and the second reads the first's projects.
CREATE FUNCTION onward_account_first_booking_sync(account_id text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tenant_id text;
  was_at timestamp(3);
  was_cents int;
  first_at timestamp(3);
  first_cents int;
BEGIN
  SELECT "tenantId", "firstBookingAt", "firstBookingCents" INTO tenant_id, was_at, was_cents
  FROM "CustomerAccount" WHERE id = account_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT "createdAt", "contractValueCents" INTO first_at, first_cents FROM "Project"
  WHERE "tenantId" = tenant_id AND "customerAccountId" = account_id AND status <> 'CANCELLED'
  ORDER BY "createdAt", id LIMIT 1;
  IF (was_at, was_cents) IS NOT DISTINCT FROM (first_at, first_cents) THEN RETURN; END IF;
  IF was_at IS NOT NULL THEN PERFORM onward_booking_day_move(tenant_id, was_at::date, 0, 0, -1, -was_cents); END IF;
  IF first_at IS NOT NULL THEN PERFORM onward_booking_day_move(tenant_id, first_at::date, 0, 0, 1, first_cents); END IF;
  UPDATE "CustomerAccount" SET "firstBookingAt" = first_at, "firstBookingCents" = first_cents WHERE id = account_id;
END
$$;

-- A tenant's rollups recomputed from its rows (the backfill below, `npm run db:rollups:rebuild`, bulk
-- loads that skip triggers).
CREATE FUNCTION onward_dashboard_rollups_refresh(tenant_id text) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "TenantSurveyDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "TenantSurveyDay" ("tenantId", day, kind, score, answers)
  SELECT r."tenantId", r."createdAt"::date, s.kind, r.score, count(*)::int
  FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId" AND s."tenantId" = r."tenantId"
  WHERE r."tenantId" = tenant_id GROUP BY 1, 2, 3, 4;

  DELETE FROM "TenantQualityDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "TenantQualityDay" ("tenantId", day, validations, "gatesPassed", "gatesFailed")
  SELECT "tenantId", "createdAt"::date, count(*)::int, sum("gatesPassed")::int, sum("gatesFailed")::int
  FROM "QualityValidation" WHERE "tenantId" = tenant_id GROUP BY 1, 2;

  DELETE FROM "TenantMilestoneDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "TenantMilestoneDay" ("tenantId", day, succeeded, "lateHours", milestones)
  SELECT "tenantId", "validatedAt"::date, status = 'SUCCESS',
         CASE WHEN status = 'SUCCESS' THEN onward_milestone_late_hours("validatedAt", "dueDate") ELSE 0 END, count(*)::int
  FROM "Milestone" WHERE "tenantId" = tenant_id AND status IN ('SUCCESS', 'AT_RISK', 'FAILED') AND "validatedAt" IS NOT NULL
  GROUP BY 1, 2, 3, 4;

  UPDATE "CustomerAccount" a SET "firstBookingAt" = f.at, "firstBookingCents" = f.cents
  FROM (SELECT x.id, p.at, p.cents FROM "CustomerAccount" x
        LEFT JOIN LATERAL (SELECT "createdAt" AS at, "contractValueCents" AS cents FROM "Project"
                           WHERE "tenantId" = tenant_id AND "customerAccountId" = x.id AND status <> 'CANCELLED'
                           ORDER BY "createdAt", id LIMIT 1) p ON true
        WHERE x."tenantId" = tenant_id) f
  WHERE a.id = f.id AND (a."firstBookingAt", a."firstBookingCents") IS DISTINCT FROM (f.at, f.cents);

  DELETE FROM "TenantBookingDay" WHERE "tenantId" = tenant_id;
  INSERT INTO "TenantBookingDay" ("tenantId", day, bookings, "bookedCents", "firstBookings", "firstCents")
  SELECT tenant_id, day, sum(bookings)::int, sum(cents)::bigint, sum(firsts)::int, sum(first_cents)::bigint
  FROM (SELECT "createdAt"::date AS day, 1 AS bookings, "contractValueCents" AS cents, 0 AS firsts, 0 AS first_cents
        FROM "Project" WHERE "tenantId" = tenant_id AND status <> 'CANCELLED'
        UNION ALL
        SELECT "firstBookingAt"::date, 0, 0, 1, "firstBookingCents"
        FROM "CustomerAccount" WHERE "tenantId" = tenant_id AND "firstBookingAt" IS NOT NULL) x
  GROUP BY day;
$$;

-- Survey answers: counted under their survey's kind, so the survey's own changes move them too. A
-- survey's delete subtracts its answer before the cascade removes it (the answer's own trigger then
-- finds no survey and does nothing).
CREATE FUNCTION onward_survey_response_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  k "SurveyKind";
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT kind INTO k FROM "Survey" WHERE id = OLD."surveyId" AND "tenantId" = OLD."tenantId";
    IF FOUND THEN PERFORM onward_survey_day_move(OLD."tenantId", OLD."createdAt"::date, k, OLD.score, -1); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT kind INTO k FROM "Survey" WHERE id = NEW."surveyId" AND "tenantId" = NEW."tenantId";
    IF FOUND THEN PERFORM onward_survey_day_move(NEW."tenantId", NEW."createdAt"::date, k, NEW.score, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION onward_survey_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    FOR r IN SELECT "createdAt"::date AS d, score FROM "SurveyResponse" WHERE "surveyId" = OLD.id AND "tenantId" = OLD."tenantId" LOOP
      PERFORM onward_survey_day_move(OLD."tenantId", r.d, OLD.kind, r.score, -1);
    END LOOP;
    RETURN OLD;
  END IF;
  IF (OLD.kind, OLD."tenantId") IS DISTINCT FROM (NEW.kind, NEW."tenantId") THEN
    FOR r IN SELECT "tenantId", "createdAt"::date AS d, score FROM "SurveyResponse" WHERE "surveyId" = NEW.id LOOP
      IF r."tenantId" = OLD."tenantId" THEN PERFORM onward_survey_day_move(OLD."tenantId", r.d, OLD.kind, r.score, -1); END IF;
      IF r."tenantId" = NEW."tenantId" THEN PERFORM onward_survey_day_move(NEW."tenantId", r.d, NEW.kind, r.score, 1); END IF;
    END LOOP;
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION onward_quality_validation_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM onward_quality_day_move(OLD."tenantId", OLD."createdAt"::date, -1, -OLD."gatesPassed", -OLD."gatesFailed");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM onward_quality_day_move(NEW."tenantId", NEW."createdAt"::date, 1, NEW."gatesPassed", NEW."gatesFailed");
  END IF;
  RETURN NULL;
END
$$;

-- A milestone counts while validated (met, at risk or failed, with its validation time); re-validating
-- it, resetting it or moving its due date moves it between day rows.
CREATE FUNCTION onward_milestone_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD.status, OLD."validatedAt", OLD."dueDate")
                          IS NOT DISTINCT FROM (NEW."tenantId", NEW.status, NEW."validatedAt", NEW."dueDate") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status IN ('SUCCESS', 'AT_RISK', 'FAILED') AND OLD."validatedAt" IS NOT NULL THEN
    PERFORM onward_milestone_day_move(OLD."tenantId", OLD."validatedAt"::date, OLD.status = 'SUCCESS',
      CASE WHEN OLD.status = 'SUCCESS' THEN onward_milestone_late_hours(OLD."validatedAt", OLD."dueDate") ELSE 0 END, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN ('SUCCESS', 'AT_RISK', 'FAILED') AND NEW."validatedAt" IS NOT NULL THEN
    PERFORM onward_milestone_day_move(NEW."tenantId", NEW."validatedAt"::date, NEW.status = 'SUCCESS',
      CASE WHEN NEW.status = 'SUCCESS' THEN onward_milestone_late_hours(NEW."validatedAt", NEW."dueDate") ELSE 0 END, 1);
  END IF;
  RETURN NULL;
END
$$;

-- A project counts as a booking on the day it was created unless cancelled; any change to whether or
-- when it counts, its value or its account also re-decides its accounts' first bookings (a cancelled
-- or deleted first project makes the next one the first; a back-dated one becomes the first).
CREATE FUNCTION onward_bookings_of_project() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."customerAccountId", OLD."createdAt", OLD."contractValueCents", OLD.status = 'CANCELLED')
                          IS NOT DISTINCT FROM (NEW."tenantId", NEW."customerAccountId", NEW."createdAt", NEW."contractValueCents", NEW.status = 'CANCELLED') THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status <> 'CANCELLED' THEN
    PERFORM onward_booking_day_move(OLD."tenantId", OLD."createdAt"::date, -1, -OLD."contractValueCents", 0, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status <> 'CANCELLED' THEN
    PERFORM onward_booking_day_move(NEW."tenantId", NEW."createdAt"::date, 1, NEW."contractValueCents", 0, 0);
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM onward_account_first_booking_sync(OLD."customerAccountId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."customerAccountId" <> OLD."customerAccountId") THEN
    PERFORM onward_account_first_booking_sync(NEW."customerAccountId");
  END IF;
  RETURN NULL;
END
$$;

SELECT onward_dashboard_rollups_refresh(id) FROM "Tenant";

CREATE TRIGGER "SurveyResponse_daily" AFTER INSERT OR UPDATE OR DELETE ON "SurveyResponse"
  FOR EACH ROW EXECUTE FUNCTION onward_survey_response_daily();
CREATE TRIGGER "Survey_daily_delete" BEFORE DELETE ON "Survey"
  FOR EACH ROW EXECUTE FUNCTION onward_survey_daily();
CREATE TRIGGER "Survey_daily_update" AFTER UPDATE ON "Survey"
  FOR EACH ROW EXECUTE FUNCTION onward_survey_daily();
CREATE TRIGGER "QualityValidation_daily" AFTER INSERT OR UPDATE OR DELETE ON "QualityValidation"
  FOR EACH ROW EXECUTE FUNCTION onward_quality_validation_daily();
CREATE TRIGGER "Milestone_daily" AFTER INSERT OR UPDATE OR DELETE ON "Milestone"
  FOR EACH ROW EXECUTE FUNCTION onward_milestone_daily();
CREATE TRIGGER "Project_bookings" AFTER INSERT OR UPDATE OR DELETE ON "Project"
  FOR EACH ROW EXECUTE FUNCTION onward_bookings_of_project();

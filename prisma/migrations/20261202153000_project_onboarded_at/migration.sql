-- Issue 9 (P1): the dashboard's time-to-onboarding KPI filtered on a moment computed from the kickoff
-- JSON (jsonpath + regex + cast) for every project of the tenant. That moment is now a real column,
-- kept by a trigger on every insert/update (whatever writes the project: services, seed, imports),
-- backfilled here, and indexed with the tenant so the dashboard reads only the range's projects.

-- When the project's kickoff completed: the `launch` phase's finishedAt once it is completed, null
-- while it runs, or the project's creation when it has no launch phase (the rule the dashboard used).
CREATE FUNCTION onward_project_onboarded_at(kickoff jsonb, created_at timestamp(3)) RETURNS timestamp
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN k.launch IS NULL THEN created_at
              WHEN k.launch ->> 'status' = 'completed' AND (k.launch ->> 'finishedAt') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T'
                THEN (k.launch ->> 'finishedAt')::timestamptz AT TIME ZONE 'UTC' END
  FROM (SELECT jsonb_path_query_first(kickoff, '$[*] ? (@.phase == "launch")') AS launch) k
$$;

CREATE FUNCTION onward_project_set_onboarded_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."onboardedAt" := onward_project_onboarded_at(NEW.kickoff, NEW."createdAt");
  RETURN NEW;
END
$$;

ALTER TABLE "Project" ADD COLUMN "onboardedAt" TIMESTAMP(6);

UPDATE "Project" SET "onboardedAt" = onward_project_onboarded_at(kickoff, "createdAt");

CREATE TRIGGER "Project_onboardedAt" BEFORE INSERT OR UPDATE ON "Project"
  FOR EACH ROW EXECUTE FUNCTION onward_project_set_onboarded_at();

CREATE INDEX "Project_tenantId_onboardedAt_idx" ON "Project"("tenantId", "onboardedAt");

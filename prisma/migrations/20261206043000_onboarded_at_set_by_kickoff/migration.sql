-- Project.onboardedAt is written by the kickoff service when the last kickoff step completes, with the
-- service's clock (docs/architecture.md#workflow-state), instead of a trigger re-parsing the kickoff
-- JSON on every write. The column keeps every value the trigger already wrote; only the trigger and
-- its functions go.
DROP TRIGGER IF EXISTS "Project_onboardedAt" ON "Project";
DROP FUNCTION IF EXISTS onward_project_set_onboarded_at();
DROP FUNCTION IF EXISTS onward_project_onboarded_at(jsonb, timestamp(3));

-- The daily job that scores every customer account was called "health", the name of the app's probe
-- (/api/health) too; it is now "account-scores" (docs/architecture.md#names). Its past runs are renamed
-- with it, so the jobs page keeps showing their history and the once-per-period lock keeps holding for
-- a period that already ran under the old name.
UPDATE "JobRun" AS r SET "job" = 'account-scores'
WHERE r."job" = 'health'
  AND NOT EXISTS (SELECT 1 FROM "JobRun" n WHERE n."job" = 'account-scores' AND n."periodKey" = r."periodKey");

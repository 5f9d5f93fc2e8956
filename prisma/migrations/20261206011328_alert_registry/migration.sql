-- Alert kinds become one registry (docs/alerts.md): a closed enum, each kind with a fixed severity,
-- and real links to the milestone, guarantee and customer account an alert is about. Existing rows
-- are mapped from the free-text kinds the app and the demo data wrote before.

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('MILESTONE_AT_RISK', 'MILESTONE_FAILED', 'MILESTONE_OVERDUE', 'MILESTONE_ESCALATION', 'QUALITY_ESCALATION_CODE', 'QUALITY_ESCALATION_DELIVERY', 'QUALITY_ESCALATION_PROCESS', 'QUALITY_ESCALATION_COMPREHENSIVE', 'PROJECT_OFF_TRACK', 'PROJECT_CRITICAL_RISK', 'GUARANTEE_MET', 'GUARANTEE_MISSED', 'REFUND_AWAITING_APPROVAL', 'ACCOUNT_AT_RISK');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "guaranteeId" TEXT,
ADD COLUMN     "milestoneId" TEXT,
ADD COLUMN     "registryKind" "AlertKind";

-- Old kind → registry kind. A kind no version of the app wrote falls back to the project (or the
-- account) being at risk, so the migration never stops on an unexpected row; its message is kept.
UPDATE "Alert" SET "registryKind" = (CASE
  WHEN "kind" = 'milestone_at_risk' THEN 'MILESTONE_AT_RISK'
  WHEN "kind" = 'milestone_failed' THEN 'MILESTONE_FAILED'
  WHEN "kind" = 'milestone_overdue' THEN 'MILESTONE_OVERDUE'
  WHEN "kind" = 'milestone_escalation' THEN 'MILESTONE_ESCALATION'
  WHEN "kind" = 'quality_escalation.code' THEN 'QUALITY_ESCALATION_CODE'
  WHEN "kind" = 'quality_escalation.delivery' THEN 'QUALITY_ESCALATION_DELIVERY'
  WHEN "kind" = 'quality_escalation.process' THEN 'QUALITY_ESCALATION_PROCESS'
  WHEN "kind" IN ('quality_escalation.comprehensive', 'quality.escalation') THEN 'QUALITY_ESCALATION_COMPREHENSIVE'
  WHEN "kind" = 'progress_risk' AND "severity" = 'CRITICAL' THEN 'PROJECT_CRITICAL_RISK'
  WHEN "kind" = 'progress_risk' THEN 'PROJECT_OFF_TRACK'
  WHEN "kind" = 'guarantee.succeeded' THEN 'GUARANTEE_MET'
  WHEN "kind" = 'guarantee.failed' THEN 'GUARANTEE_MISSED'
  WHEN "kind" LIKE 'refund%' THEN 'REFUND_AWAITING_APPROVAL'
  WHEN "kind" IN ('retention.at_risk', 'health.decline') THEN 'ACCOUNT_AT_RISK'
  WHEN "projectId" IS NOT NULL THEN 'PROJECT_OFF_TRACK'
  ELSE 'ACCOUNT_AT_RISK'
END)::"AlertKind";

-- Each kind's severity is the registry's.
UPDATE "Alert" SET "severity" = (CASE
  WHEN "registryKind" IN ('MILESTONE_AT_RISK', 'ACCOUNT_AT_RISK') THEN 'WARNING'
  WHEN "registryKind" = 'GUARANTEE_MET' THEN 'INFO'
  WHEN "registryKind" IN ('MILESTONE_ESCALATION', 'PROJECT_CRITICAL_RISK', 'REFUND_AWAITING_APPROVAL') THEN 'CRITICAL'
  ELSE 'HIGH'
END)::"AlertSeverity";

-- The account of a project's alert.
UPDATE "Alert" a SET "customerAccountId" = p."customerAccountId"
FROM "Project" p WHERE a."customerAccountId" IS NULL AND a."projectId" = p."id";

-- The week of a milestone alert, read from the link it was raised with (/projects/<id>#week-<n>).
UPDATE "Alert" a SET "milestoneId" = m."id"
FROM "Milestone" m
WHERE a."registryKind" IN ('MILESTONE_AT_RISK', 'MILESTONE_FAILED', 'MILESTONE_OVERDUE', 'MILESTONE_ESCALATION')
  AND m."projectId" = a."projectId" AND m."tenantId" = a."tenantId"
  AND a."link" ~ '#week-[0-9]+$'
  AND m."weekNumber" = substring(a."link" from '#week-([0-9]+)$')::int;

-- The guarantee of a guarantee or refund alert (one guarantee per project).
UPDATE "Alert" a SET "guaranteeId" = g."id"
FROM "Guarantee" g
WHERE a."registryKind" IN ('GUARANTEE_MET', 'GUARANTEE_MISSED', 'REFUND_AWAITING_APPROVAL')
  AND g."projectId" = a."projectId" AND g."tenantId" = a."tenantId";

ALTER TABLE "Alert" DROP COLUMN "kind";
ALTER TABLE "Alert" RENAME COLUMN "registryKind" TO "kind";
ALTER TABLE "Alert" ALTER COLUMN "kind" SET NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "alertId" TEXT,
ADD COLUMN     "heldForDigest" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Alert_projectId_kind_idx" ON "Alert"("projectId", "kind");

-- CreateIndex
CREATE INDEX "Alert_customerAccountId_idx" ON "Alert"("customerAccountId");

-- CreateIndex
CREATE INDEX "Alert_milestoneId_idx" ON "Alert"("milestoneId");

-- CreateIndex
CREATE INDEX "Alert_guaranteeId_idx" ON "Alert"("guaranteeId");

-- CreateIndex
CREATE INDEX "Notification_alertId_idx" ON "Notification"("alertId");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_guaranteeId_fkey" FOREIGN KEY ("guaranteeId") REFERENCES "Guarantee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

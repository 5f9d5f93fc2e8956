-- Four eyes on refunds (docs/security.md#refunds-four-eyes): the refund remembers who started its review
-- and who recorded its payment, and a workspace may let one person do every step (one-person companies).

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "refundsByOnePerson" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN "paidById" TEXT,
ADD COLUMN "reviewedById" TEXT;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Refunds already past a step take its person from the audit trail, so the rule holds for them too.
UPDATE "Refund" AS r SET "reviewedById" = a."actorId"
FROM "AuditEvent" AS a
WHERE a."entityType" = 'Refund' AND a."entityId" = r."id" AND a."action" = 'refund.review_started'
  AND a."actorId" IS NOT NULL AND r."reviewedById" IS NULL
  AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = a."actorId");

UPDATE "Refund" AS r SET "paidById" = a."actorId"
FROM "AuditEvent" AS a
WHERE a."entityType" = 'Refund' AND a."entityId" = r."id" AND a."action" = 'refund.paid'
  AND a."actorId" IS NOT NULL AND r."paidById" IS NULL
  AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = a."actorId");

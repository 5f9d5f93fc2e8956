-- AlterTable
ALTER TABLE "CustomerAccount" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "originalSource" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAccount_tenantId_externalId_key" ON "CustomerAccount"("tenantId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_tenantId_externalId_key" ON "Lead"("tenantId", "externalId");


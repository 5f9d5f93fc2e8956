-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "branch" TEXT,
ADD COLUMN     "job" TEXT,
ADD COLUMN     "provenance" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "updatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EvidencePost" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "apiTokenId" TEXT,
    "commitSha" TEXT,
    "branch" TEXT,
    "job" TEXT,
    "buildUrl" TEXT,
    "files" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidencePost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidencePost_tenantId_evidenceId_createdAt_idx" ON "EvidencePost"("tenantId", "evidenceId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_projectId_commitSha_idx" ON "Evidence"("projectId", "commitSha");

-- AddForeignKey
ALTER TABLE "EvidencePost" ADD CONSTRAINT "EvidencePost_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "onboardingDismissedAt" TIMESTAMP(3);


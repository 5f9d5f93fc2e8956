-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarFeedCreatedAt" TIMESTAMP(3),
ADD COLUMN     "calendarFeedTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "kickoffMeetingAt" TIMESTAMP(3),
ADD COLUMN     "meetingUrl" TEXT,
ADD COLUMN     "reviewTime" TEXT NOT NULL DEFAULT '15:00',
ADD COLUMN     "standupEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "standupTime" TEXT NOT NULL DEFAULT '09:30';

-- AlterTable
ALTER TABLE "EducationDelivery" ADD COLUMN     "joinUrl" TEXT,
ADD COLUMN     "sessionAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CalendarEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "fingerprint" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "attendees" TEXT[],
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEvent_tenantId_key_key" ON "CalendarEvent"("tenantId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarFeedTokenHash_key" ON "User"("calendarFeedTokenHash");

-- AddForeignKey
ALTER TABLE "CalendarEvent" ADD CONSTRAINT "CalendarEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


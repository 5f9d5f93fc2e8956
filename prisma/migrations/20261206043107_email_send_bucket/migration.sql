-- One row per email provider: the token bucket every instance shares to pace its requests
-- (docs/messaging.md#pacing).

-- CreateTable
CREATE TABLE "SendBucket" (
    "provider" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMP(3) NOT NULL,
    "pausedUntil" TIMESTAMP(3),

    CONSTRAINT "SendBucket_pkey" PRIMARY KEY ("provider")
);


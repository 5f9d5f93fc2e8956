-- CreateTable
CREATE TABLE "WorkspaceSignup" (
    "id" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "founderName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenDigest" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "codeId" TEXT,

    CONSTRAINT "WorkspaceSignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignupCode" (
    "id" TEXT NOT NULL,
    "codeDigest" TEXT NOT NULL,
    "note" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),
    "usedBySlug" TEXT,

    CONSTRAINT "SignupCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSignup_slug_key" ON "WorkspaceSignup"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSignup_email_key" ON "WorkspaceSignup"("email");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSignup_tokenDigest_key" ON "WorkspaceSignup"("tokenDigest");

-- CreateIndex
CREATE INDEX "WorkspaceSignup_expiresAt_idx" ON "WorkspaceSignup"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SignupCode_codeDigest_key" ON "SignupCode"("codeDigest");

-- AddForeignKey
ALTER TABLE "WorkspaceSignup" ADD CONSTRAINT "WorkspaceSignup_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "SignupCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;


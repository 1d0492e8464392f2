-- CreateEnum
CREATE TYPE "GradeRunState" AS ENUM ('COMPUTING', 'DRAFT', 'PUBLISHED', 'SUPERSEDED', 'DISCARDED', 'FAILED');

-- CreateTable
CREATE TABLE "GradeRun" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "state" "GradeRunState" NOT NULL DEFAULT 'COMPUTING',
    "reason" TEXT,
    "startedById" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "scoreWeights" JSONB NOT NULL,
    "shareTable" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "retailerCount" INTEGER NOT NULL DEFAULT 0,
    "rankedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "GradeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeRunRow" (
    "runId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "volumeTiao" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "distinctProducts" INTEGER NOT NULL,
    "premiumTiao" INTEGER NOT NULL,
    "volumeScore" DECIMAL(7,3) NOT NULL,
    "amountScore" DECIMAL(7,3) NOT NULL,
    "varietyScore" DECIMAL(7,3) NOT NULL,
    "classShareScore" DECIMAL(7,3) NOT NULL,
    "score" DECIMAL(7,3) NOT NULL,
    "rank" INTEGER,
    "computedGrade" SMALLINT NOT NULL,
    "grade" SMALLINT NOT NULL,
    "previousGrade" SMALLINT,
    "initial" BOOLEAN NOT NULL,
    "capped" BOOLEAN NOT NULL,
    "integrityLevel" "IntegrityLevel" NOT NULL,

    CONSTRAINT "GradeRunRow_pkey" PRIMARY KEY ("runId","retailerId")
);

-- CreateTable
CREATE TABLE "GradeRunCell" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "grade" SMALLINT NOT NULL,
    "computedGrade" SMALLINT NOT NULL,
    "previousGrade" SMALLINT,
    "ranked" BOOLEAN NOT NULL,
    "initial" BOOLEAN NOT NULL,
    "capped" BOOLEAN NOT NULL,
    "retailers" INTEGER NOT NULL,

    CONSTRAINT "GradeRunCell_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GradeRun_periodId_startedAt_idx" ON "GradeRun"("periodId", "startedAt");

-- CreateIndex
CREATE INDEX "GradeRun_state_idx" ON "GradeRun"("state");

-- CreateIndex
CREATE INDEX "GradeRunRow_runId_grade_idx" ON "GradeRunRow"("runId", "grade");

-- CreateIndex
CREATE INDEX "GradeRunRow_retailerId_idx" ON "GradeRunRow"("retailerId");

-- CreateIndex
CREATE INDEX "GradeRunCell_runId_idx" ON "GradeRunCell"("runId");

-- AddForeignKey
ALTER TABLE "GradeRun" ADD CONSTRAINT "GradeRun_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "GradePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeRun" ADD CONSTRAINT "GradeRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeRun" ADD CONSTRAINT "GradeRun_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeRunRow" ADD CONSTRAINT "GradeRunRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "GradeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeRunRow" ADD CONSTRAINT "GradeRunRow_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeRunCell" ADD CONSTRAINT "GradeRunCell_runId_fkey" FOREIGN KEY ("runId") REFERENCES "GradeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One run computes at a time (a second start is refused while the first computes), and a period has at
-- most one published run: a correction supersedes the earlier one in the same transaction.
CREATE UNIQUE INDEX "GradeRun_one_computing_idx" ON "GradeRun" ((true)) WHERE "state" = 'COMPUTING';
CREATE UNIQUE INDEX "GradeRun_one_published_idx" ON "GradeRun" ("periodId") WHERE "state" = 'PUBLISHED';
-- A run with a reason is a correction; a reason is never blank.
ALTER TABLE "GradeRun" ADD CONSTRAINT "GradeRun_reason_check" CHECK ("reason" IS NULL OR length(btrim("reason")) > 0);

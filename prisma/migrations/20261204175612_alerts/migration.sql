-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_cycleId_fkey";

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "answeredByLoginId" INTEGER,
ADD COLUMN     "askedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "cycleId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "findings" TEXT,
ADD COLUMN     "latitude" DECIMAL(9,6),
ADD COLUMN     "longitude" DECIMAL(9,6),
ADD COLUMN     "marketInfo" JSONB;

-- CreateTable
CREATE TABLE "VisitPhoto" (
    "id" SERIAL NOT NULL,
    "visitId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitPhoto_storageKey_key" ON "VisitPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "VisitPhoto_visitId_idx" ON "VisitPhoto"("visitId");

-- CreateIndex
CREATE INDEX "Alert_cycleId_rule_idx" ON "Alert"("cycleId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_retailerId_rule_cycleId_key" ON "Alert"("retailerId", "rule", "cycleId");

-- CreateIndex
CREATE INDEX "Visit_staffId_visitedAt_idx" ON "Visit"("staffId", "visitedAt");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPhoto" ADD CONSTRAINT "VisitPhoto_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

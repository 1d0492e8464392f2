-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_cycleId_fkey";

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "answeredByLoginId" INTEGER,
ADD COLUMN     "askedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "cycleId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Alert_cycleId_rule_idx" ON "Alert"("cycleId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_retailerId_rule_cycleId_key" ON "Alert"("retailerId", "rule", "cycleId");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

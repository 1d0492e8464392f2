-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "integrationId" INTEGER,
ADD COLUMN     "orderedAt" TIMESTAMP(3),
ADD COLUMN     "payloadHash" TEXT;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "overLimitBy" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AllocationPolicy" ADD COLUMN     "carriedFromId" INTEGER;

-- CreateTable
CREATE TABLE "Integration" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationCall" (
    "id" BIGSERIAL NOT NULL,
    "integrationId" INTEGER,
    "endpoint" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "flaggedLines" INTEGER NOT NULL DEFAULT 0,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Integration_keyPrefix_key" ON "Integration"("keyPrefix");

-- CreateIndex
CREATE INDEX "IntegrationCall_integrationId_createdAt_idx" ON "IntegrationCall"("integrationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPolicy" ADD CONSTRAINT "AllocationPolicy_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "AllocationPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationCall" ADD CONSTRAINT "IntegrationCall_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: an over-limit count is never negative.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_overLimitBy_check" CHECK ("overLimitBy" >= 0);

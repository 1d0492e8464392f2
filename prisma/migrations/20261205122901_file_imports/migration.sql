-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ORDERS', 'PRODUCTS', 'RETAILERS', 'INTEGRITY', 'ALLOCATION');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'CHECKING', 'CHECKED', 'APPLYING', 'APPLIED', 'REJECTED', 'DISCARDED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "importRunId" INTEGER;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "encoding" TEXT,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "invalidRows" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "rejectReason" TEXT,
    "checkedAt" TIMESTAMP(3),
    "appliedValidOnly" BOOLEAN NOT NULL DEFAULT false,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "appliedById" INTEGER,
    "appliedAt" TIMESTAMP(3),
    "summary" JSONB,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFileChunk" (
    "runId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("runId","seq")
);

-- CreateTable
CREATE TABLE "ImportStagedRow" (
    "runId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "valid" BOOLEAN NOT NULL DEFAULT true,
    "schemaFailed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ImportStagedRow_pkey" PRIMARY KEY ("runId","line")
);

-- CreateTable
CREATE TABLE "ImportRowError" (
    "id" BIGSERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT,
    "code" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "ImportRowError_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_createdAt_idx" ON "ImportRun"("createdAt");

-- CreateIndex
CREATE INDEX "ImportRun_kind_createdAt_idx" ON "ImportRun"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRowError_runId_line_idx" ON "ImportRowError"("runId", "line");

-- CreateIndex
CREATE INDEX "Order_importRunId_idx" ON "Order"("importRunId");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

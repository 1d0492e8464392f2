-- CreateTable
CREATE TABLE "RetailerMonthProfile" (
    "month" DATE NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "quantityTiao" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "orderCount" INTEGER NOT NULL,
    "productCount" INTEGER NOT NULL,
    "premiumTiao" INTEGER NOT NULL,
    "cyclesOrdered" INTEGER NOT NULL,
    "intervalCount" INTEGER NOT NULL,
    "intervalSumDays" INTEGER NOT NULL,
    "intervalSqDays" BIGINT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetailerMonthProfile_pkey" PRIMARY KEY ("retailerId","month")
);

-- CreateTable
CREATE TABLE "ReportComment" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetailerMonthProfile_month_idx" ON "RetailerMonthProfile"("month");

-- CreateIndex
CREATE INDEX "ReportComment_authorId_idx" ON "ReportComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportComment_retailerId_month_key" ON "ReportComment"("retailerId", "month");

-- CreateIndex
CREATE INDEX "Order_retailerId_orderDate_idx" ON "Order"("retailerId", "orderDate");

-- AddForeignKey
ALTER TABLE "RetailerMonthProfile" ADD CONSTRAINT "RetailerMonthProfile_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a commentary is plain text of 1 to 500 characters (COMMENT_MAX_LENGTH in report-comment.rules.ts);
-- the schema checks it first, this is the last line.
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_body_length_check" CHECK (char_length("body") BETWEEN 1 AND 500);
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_version_check" CHECK ("version" >= 1);

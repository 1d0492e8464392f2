-- CreateTable
CREATE TABLE "RetailerMonthRank" (
    "month" DATE NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "groupSize" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "quantityTiao" INTEGER NOT NULL,
    "orderCount" INTEGER NOT NULL,
    "gradeScore" DECIMAL(7,3),
    "violations" INTEGER NOT NULL,
    "salesRank" INTEGER NOT NULL,
    "frequencyRank" INTEGER NOT NULL,
    "scoreRank" INTEGER,
    "violationsRank" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetailerMonthRank_pkey" PRIMARY KEY ("month","retailerId")
);

-- CreateIndex
CREATE INDEX "RetailerMonthRank_month_districtId_gradeBand_salesRank_idx" ON "RetailerMonthRank"("month", "districtId", "gradeBand", "salesRank");

-- AddForeignKey
ALTER TABLE "RetailerMonthRank" ADD CONSTRAINT "RetailerMonthRank_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "StandingBand" AS ENUM ('top10', 'top25', 'top50', 'bottom50');

-- CreateTable
CREATE TABLE "PeerGroupProductMonth" (
    "month" DATE NOT NULL,
    "districtId" INTEGER NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "productId" INTEGER NOT NULL,
    "shops" INTEGER NOT NULL,

    CONSTRAINT "PeerGroupProductMonth_pkey" PRIMARY KEY ("month","districtId","gradeBand","productId")
);

-- CreateTable
CREATE TABLE "RetailerMonthCapability" (
    "month" DATE NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "groupSize" INTEGER NOT NULL,
    "activeMonths" INTEGER NOT NULL,
    "volumePerMonth" DOUBLE PRECISION NOT NULL,
    "amountFenPerMonth" BIGINT NOT NULL,
    "variety" DOUBLE PRECISION,
    "premiumShare" DOUBLE PRECISION,
    "regularity" DOUBLE PRECISION,
    "intervalMeanDays" DOUBLE PRECISION,
    "intervalSdDays" DOUBLE PRECISION,
    "volumeBand" "StandingBand",
    "amountBand" "StandingBand",
    "varietyBand" "StandingBand",
    "premiumBand" "StandingBand",
    "regularityBand" "StandingBand",
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetailerMonthCapability_pkey" PRIMARY KEY ("month","retailerId")
);

-- CreateIndex
CREATE INDEX "PeerGroupProductMonth_month_districtId_gradeBand_shops_idx" ON "PeerGroupProductMonth"("month", "districtId", "gradeBand", "shops" DESC);

-- AddForeignKey
ALTER TABLE "PeerGroupProductMonth" ADD CONSTRAINT "PeerGroupProductMonth_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailerMonthCapability" ADD CONSTRAINT "RetailerMonthCapability_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

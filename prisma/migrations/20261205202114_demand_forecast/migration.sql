-- AlterTable
ALTER TABLE "OrderCycle" ADD COLUMN     "demandComputedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProductCycleDemand" (
    "cycleId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "quantityTiao" INTEGER NOT NULL,
    "shops" INTEGER NOT NULL,
    "limitTiao" BIGINT,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductCycleDemand_pkey" PRIMARY KEY ("cycleId","productId","districtId")
);

-- CreateTable
CREATE TABLE "DistrictGradeShops" (
    "districtId" INTEGER NOT NULL,
    "grade" SMALLINT NOT NULL,
    "shops" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistrictGradeShops_pkey" PRIMARY KEY ("districtId","grade")
);

-- CreateIndex
CREATE INDEX "ProductCycleDemand_districtId_productId_cycleId_idx" ON "ProductCycleDemand"("districtId", "productId", "cycleId");

-- AddForeignKey
ALTER TABLE "ProductCycleDemand" ADD CONSTRAINT "ProductCycleDemand_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductCycleDemand" ADD CONSTRAINT "ProductCycleDemand_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductCycleDemand" ADD CONSTRAINT "ProductCycleDemand_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictGradeShops" ADD CONSTRAINT "DistrictGradeShops_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

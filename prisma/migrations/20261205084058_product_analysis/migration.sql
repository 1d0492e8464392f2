-- CreateTable
CREATE TABLE "ProductMonthSales" (
    "month" DATE NOT NULL,
    "productId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "quantityTiao" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "shops" INTEGER NOT NULL,
    "limitTiao" BIGINT,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductMonthSales_pkey" PRIMARY KEY ("month","productId","districtId","gradeBand")
);

-- CreateIndex
CREATE INDEX "ProductMonthSales_month_districtId_gradeBand_idx" ON "ProductMonthSales"("month", "districtId", "gradeBand");

-- AddForeignKey
ALTER TABLE "ProductMonthSales" ADD CONSTRAINT "ProductMonthSales_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductMonthSales" ADD CONSTRAINT "ProductMonthSales_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RetailerProductMonth" (
    "month" DATE NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "quantityTiao" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "orderCount" INTEGER NOT NULL,

    CONSTRAINT "RetailerProductMonth_pkey" PRIMARY KEY ("retailerId","month","productId")
);

-- CreateIndex
CREATE INDEX "RetailerProductMonth_month_productId_idx" ON "RetailerProductMonth"("month", "productId");

-- AddForeignKey
ALTER TABLE "RetailerProductMonth" ADD CONSTRAINT "RetailerProductMonth_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailerProductMonth" ADD CONSTRAINT "RetailerProductMonth_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

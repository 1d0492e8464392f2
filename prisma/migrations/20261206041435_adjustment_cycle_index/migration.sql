-- CreateIndex
CREATE INDEX "AllocationAdjustment_cycleId_productId_idx" ON "AllocationAdjustment"("cycleId", "productId");

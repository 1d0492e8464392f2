-- AlterTable
ALTER TABLE "AllocationPolicy" ADD COLUMN     "carriedFromId" INTEGER;

-- AddForeignKey
ALTER TABLE "AllocationPolicy" ADD CONSTRAINT "AllocationPolicy_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "AllocationPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

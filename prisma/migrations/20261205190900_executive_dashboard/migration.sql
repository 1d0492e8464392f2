-- CreateTable
CREATE TABLE "ComplaintSlaMonth" (
    "month" DATE NOT NULL,
    "districtId" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "closedInTime" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintSlaMonth_pkey" PRIMARY KEY ("month","districtId")
);

-- CreateTable
CREATE TABLE "AlertMonthCount" (
    "month" DATE NOT NULL,
    "districtId" INTEGER NOT NULL,
    "rule" "AlertRule" NOT NULL,
    "raised" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertMonthCount_pkey" PRIMARY KEY ("month","districtId","rule")
);

-- CreateTable
CREATE TABLE "PromotionReachDistrict" (
    "promotionId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionReachDistrict_pkey" PRIMARY KEY ("promotionId","districtId")
);

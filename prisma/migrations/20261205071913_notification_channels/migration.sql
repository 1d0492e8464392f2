-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('SMS', 'WECHAT');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'SKIPPED_CAP', 'SKIPPED_OFF');

-- CreateEnum
CREATE TYPE "GreetingKind" AS ENUM ('BIRTHDAY', 'ANNIVERSARY');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'GREETING';

-- AlterTable
ALTER TABLE "Retailer" ADD COLUMN     "greetingsOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ownerBirthday" DATE,
ADD COLUMN     "wechatOpenId" VARCHAR(64);

-- CreateTable
CREATE TABLE "ChannelPreference" (
    "retailerId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "sms" BOOLEAN NOT NULL DEFAULT false,
    "wechat" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelPreference_pkey" PRIMARY KEY ("retailerId","kind")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "notificationId" INTEGER,
    "kind" "NotificationKind" NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerId" TEXT,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Greeting" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "kind" "GreetingKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Greeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetCode" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "loginId" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationDelivery_retailerId_day_idx" ON "NotificationDelivery"("retailerId", "day");

-- CreateIndex
CREATE INDEX "NotificationDelivery_createdAt_idx" ON "NotificationDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_createdAt_idx" ON "NotificationDelivery"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Greeting_retailerId_kind_year_key" ON "Greeting"("retailerId", "kind", "year");

-- CreateIndex
CREATE INDEX "PasswordResetCode_retailerId_createdAt_idx" ON "PasswordResetCode"("retailerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ChannelPreference" ADD CONSTRAINT "ChannelPreference_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Greeting" ADD CONSTRAINT "Greeting_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetCode" ADD CONSTRAINT "PasswordResetCode_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

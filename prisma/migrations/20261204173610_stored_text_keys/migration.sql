-- Text the system writes for people is stored as a message key with parameters and rendered in the
-- reader's language. Rows written before keep their finished Chinese text under the `notifications.stored`
-- key (title and body as parameters), so they stay readable as they were.

-- AlterTable
ALTER TABLE "ComplaintEvent" ADD COLUMN     "messageKey" TEXT,
ADD COLUMN     "params" JSONB;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "messageKey" TEXT NOT NULL DEFAULT 'notifications.stored',
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

UPDATE "Notification" SET "params" = jsonb_build_object('title', "title", 'detail', "body");

ALTER TABLE "Notification" ALTER COLUMN "messageKey" DROP DEFAULT,
DROP COLUMN "body",
DROP COLUMN "title";

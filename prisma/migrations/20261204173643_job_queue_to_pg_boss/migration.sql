-- DropTable
DROP TABLE "Job";

-- DropEnum
DROP TYPE "JobState";

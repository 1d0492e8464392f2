-- AlterTable
-- Periods graded before this migration were scored with the weights of domain.md §2, which were then
-- fixed in code: they are recorded as such; later periods record the setting in force when graded.
ALTER TABLE "GradePeriod" ADD COLUMN     "scoreWeights" JSONB NOT NULL DEFAULT '{"volume": 35, "amount": 55, "variety": 5, "classShare": 5}';
ALTER TABLE "GradePeriod" ALTER COLUMN "scoreWeights" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Promotion" ALTER COLUMN "targetClassifications" SET DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "targetDistrictIds" SET DEFAULT ARRAY[]::INTEGER[],
ALTER COLUMN "targetIntegrityLevels" SET DEFAULT ARRAY[]::"IntegrityLevel"[];

-- AlterTable
ALTER TABLE "SurveyAnswer" ALTER COLUMN "choices" SET DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "accountManagerId" INTEGER,
ADD COLUMN     "businessForm" "BusinessForm",
ADD COLUMN     "districtId" INTEGER,
ADD COLUMN     "gradeBand" SMALLINT,
ADD COLUMN     "market" "Market";

-- CreateTable
CREATE TABLE "SurveyIndexCell" (
    "surveyId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "market" "Market" NOT NULL,
    "businessForm" "BusinessForm" NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "accountManagerId" INTEGER NOT NULL,
    "valueSum" BIGINT NOT NULL DEFAULT 0,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "promoters" INTEGER NOT NULL DEFAULT 0,
    "detractors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyIndexCell_pkey" PRIMARY KEY ("surveyId","questionId","districtId","market","businessForm","gradeBand","accountManagerId")
);

-- CreateTable
CREATE TABLE "SurveyRespondentCell" (
    "surveyId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "market" "Market" NOT NULL,
    "businessForm" "BusinessForm" NOT NULL,
    "gradeBand" SMALLINT NOT NULL,
    "accountManagerId" INTEGER NOT NULL,
    "respondents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyRespondentCell_pkey" PRIMARY KEY ("surveyId","districtId","market","businessForm","gradeBand","accountManagerId")
);

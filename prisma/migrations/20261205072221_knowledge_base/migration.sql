-- CreateEnum
CREATE TYPE "KnowledgeAudience" AS ENUM ('RETAILERS', 'STAFF', 'BOTH');

-- CreateEnum
CREATE TYPE "KnowledgeState" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "KnowledgeFeedbackKind" AS ENUM ('DEFLECTED', 'NOT_HELPFUL');

-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" SERIAL NOT NULL,
    "category" TEXT NOT NULL,
    "tags" TEXT[],
    "audience" "KnowledgeAudience" NOT NULL,
    "state" "KnowledgeState" NOT NULL DEFAULT 'DRAFT',
    "departmentId" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeFeedback" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "KnowledgeFeedbackKind" NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "query" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeSearchMiss" (
    "id" SERIAL NOT NULL,
    "query" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "retailerId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeSearchMiss_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeArticle_state_audience_updatedAt_idx" ON "KnowledgeArticle"("state", "audience", "updatedAt");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_departmentId_state_idx" ON "KnowledgeArticle"("departmentId", "state");

-- CreateIndex
CREATE INDEX "KnowledgeFeedback_articleId_kind_idx" ON "KnowledgeFeedback"("articleId", "kind");

-- CreateIndex
CREATE INDEX "KnowledgeFeedback_createdAt_idx" ON "KnowledgeFeedback"("createdAt");

-- CreateIndex
CREATE INDEX "KnowledgeSearchMiss_createdAt_idx" ON "KnowledgeSearchMiss"("createdAt");

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeFeedback" ADD CONSTRAINT "KnowledgeFeedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KnowledgeArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeFeedback" ADD CONSTRAINT "KnowledgeFeedback_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search reads titles and plain text by substring (ILIKE) and trigram similarity; pg_trgm came with the init
-- migration. Written by hand: the schema cannot express trigram indexes.
CREATE INDEX "KnowledgeArticle_titleZh_trgm_idx" ON "KnowledgeArticle" USING GIN ("titleZh" gin_trgm_ops);
CREATE INDEX "KnowledgeArticle_textZh_trgm_idx" ON "KnowledgeArticle" USING GIN ("textZh" gin_trgm_ops);
CREATE INDEX "KnowledgeArticle_titleEn_trgm_idx" ON "KnowledgeArticle" USING GIN ("titleEn" gin_trgm_ops);
CREATE INDEX "KnowledgeArticle_textEn_trgm_idx" ON "KnowledgeArticle" USING GIN ("textEn" gin_trgm_ops);

-- The owners' view counts searches that found nothing, newest first, by what was typed.
CREATE INDEX "KnowledgeSearchMiss_query_createdAt_idx" ON "KnowledgeSearchMiss" USING btree ("query", "createdAt");

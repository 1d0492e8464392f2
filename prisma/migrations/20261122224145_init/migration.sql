-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('MARKETING_CENTRE', 'SERVICE_CENTRE', 'MONOPOLY', 'LOGISTICS', 'FINANCE');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN');

-- CreateEnum
CREATE TYPE "RetailerLoginRole" AS ENUM ('OWNER', 'CLERK');

-- CreateEnum
CREATE TYPE "Market" AS ENUM ('C', 'X');

-- CreateEnum
CREATE TYPE "BusinessForm" AS ENUM ('Z', 'B', 'S', 'N', 'Y', 'F', 'Q');

-- CreateEnum
CREATE TYPE "RetailerStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "IntegrityLevel" AS ENUM ('AAA', 'AA', 'A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "GradePeriodStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AppealState" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "OrderChannel" AS ENUM ('ONLINE', 'PHONE', 'VISIT');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PolicyState" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PUBLISHED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'MAKEUP_WORKDAY');

-- CreateEnum
CREATE TYPE "PromotionState" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'LIVE', 'ENDED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "RewardRuleKind" AS ENUM ('SETTLEMENT_RATE', 'INTEGRITY', 'CONTRIBUTION', 'GROWTH', 'SURVEY_COMPLETE', 'PRICE_COMPLIANCE');

-- CreateEnum
CREATE TYPE "RewardRunState" AS ENUM ('PREVIEW', 'RUNNING', 'COMMITTED', 'FAILED');

-- CreateEnum
CREATE TYPE "PointsReason" AS ENUM ('RULE', 'REDEMPTION', 'REDEMPTION_REFUND', 'MANUAL');

-- CreateEnum
CREATE TYPE "RedemptionState" AS ENUM ('REQUESTED', 'FULFILLED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SurveyState" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyTargetKind" AS ENUM ('ALL', 'SEGMENT', 'SAMPLE');

-- CreateEnum
CREATE TYPE "ServiceDimension" AS ENUM ('SUPPLY', 'ORDERING', 'DELIVERY', 'ACCOUNT_MANAGER', 'SETTLEMENT', 'COMPLAINTS', 'MARKET', 'OTHER');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('RATING', 'NPS', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'TEXT', 'MATRIX');

-- CreateEnum
CREATE TYPE "ResponseState" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ResponseChannel" AS ENUM ('PORTAL', 'PHONE', 'VISIT');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('COMPLAINT', 'QUESTION', 'SUGGESTION', 'REPORT');

-- CreateEnum
CREATE TYPE "CaseChannel" AS ENUM ('PORTAL', 'PHONE', 'VISIT');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintEventType" AS ENUM ('FILED', 'ACCEPTED', 'REPLY', 'INTERNAL_NOTE', 'INFO_REQUESTED', 'RETAILER_RESPONSE', 'STARTED', 'RESOLVED', 'FOLLOW_UP', 'CLOSED', 'REOPENED', 'REASSIGNED', 'DEADLINE_CHANGED', 'BREACHED', 'RATED');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "AlertRule" AS ENUM ('ORDER_SPIKE', 'MONTH_SPIKE', 'PRICE_SPIKE', 'STOPPED_ORDERING', 'LARGE_RETAILER');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('OPEN', 'CONFIRMED', 'EXPLAINED', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "ChangeRequestState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('PROMOTION', 'SURVEY_INVITATION', 'COMPLAINT_UPDATE', 'ORDER_WINDOW', 'GRADE_PUBLISHED', 'APPEAL_DECIDED', 'CHANGE_REQUEST_DECIDED', 'REDEMPTION_UPDATE', 'SLA_REMINDER', 'SYSTEM');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "firstFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "districtId" INTEGER,
    "departmentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffRoleGrant" (
    "userId" INTEGER NOT NULL,
    "role" "StaffRole" NOT NULL,

    CONSTRAINT "StaffRoleGrant_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "RetailerLogin" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "loginName" TEXT NOT NULL,
    "role" "RetailerLoginRole" NOT NULL DEFAULT 'OWNER',
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "firstFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetailerLogin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Retailer" (
    "id" SERIAL NOT NULL,
    "licenceNo" CHAR(12) NOT NULL,
    "shopName" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "contactName" TEXT,
    "phone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "market" "Market" NOT NULL,
    "businessForm" "BusinessForm" NOT NULL,
    "sizeClass" SMALLINT NOT NULL,
    "classificationCode" VARCHAR(3) NOT NULL,
    "shopAreaM2" INTEGER,
    "status" "RetailerStatus" NOT NULL DEFAULT 'ACTIVE',
    "accountManagerId" INTEGER,
    "orderWeekday" SMALLINT NOT NULL,
    "grade" SMALLINT,
    "integrityLevel" "IntegrityLevel" NOT NULL DEFAULT 'A',
    "pointsBalance" INTEGER NOT NULL DEFAULT 0,
    "openedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Retailer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrityRecord" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "level" "IntegrityLevel" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrityRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradePeriod" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "ordersFrom" DATE NOT NULL,
    "ordersTo" DATE NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE NOT NULL,
    "status" "GradePeriodStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "GradePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetailerGrade" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "grade" SMALLINT NOT NULL,
    "score" DECIMAL(7,3) NOT NULL,
    "volumeScore" DECIMAL(7,3) NOT NULL,
    "amountScore" DECIMAL(7,3) NOT NULL,
    "varietyScore" DECIMAL(7,3) NOT NULL,
    "classShareScore" DECIMAL(7,3) NOT NULL,
    "volumeTiao" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "distinctProducts" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "initial" BOOLEAN NOT NULL DEFAULT false,
    "capped" BOOLEAN NOT NULL DEFAULT false,
    "appealId" INTEGER,

    CONSTRAINT "RetailerGrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeBoundary" (
    "periodId" INTEGER NOT NULL,
    "grade" SMALLINT NOT NULL,
    "minScore" DECIMAL(7,3) NOT NULL,
    "maxScore" DECIMAL(7,3) NOT NULL,
    "retailerCount" INTEGER NOT NULL,

    CONSTRAINT "GradeBoundary_pkey" PRIMARY KEY ("periodId","grade")
);

-- CreateTable
CREATE TABLE "GradeAppeal" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "currentGrade" SMALLINT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "AppealState" NOT NULL DEFAULT 'SUBMITTED',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "decidedById" INTEGER,
    "decidedGrade" SMALLINT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "productClass" SMALLINT NOT NULL,
    "wholesalePriceFen" INTEGER NOT NULL,
    "retailPriceFen" INTEGER NOT NULL,
    "scarce" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "launchedOn" DATE NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderCycle" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "weekEnd" DATE NOT NULL,

    CONSTRAINT "OrderCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "orderDate" DATE NOT NULL,
    "channel" "OrderChannel" NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'CONFIRMED',
    "totalQuantity" INTEGER NOT NULL,
    "totalAmountFen" BIGINT NOT NULL,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" BIGSERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceFen" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationPolicy" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "state" "PolicyState" NOT NULL DEFAULT 'DRAFT',
    "note" TEXT,
    "createdById" INTEGER NOT NULL,
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "publishAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationLimit" (
    "id" SERIAL NOT NULL,
    "policyId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "gradeFrom" SMALLINT NOT NULL,
    "gradeTo" SMALLINT NOT NULL,
    "limitQuantity" INTEGER NOT NULL,

    CONSTRAINT "AllocationLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationAdjustment" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "state" "PromotionState" NOT NULL DEFAULT 'DRAFT',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "targetGradeMin" SMALLINT,
    "targetGradeMax" SMALLINT,
    "targetClassifications" TEXT[],
    "targetDistrictIds" INTEGER[],
    "targetIntegrityLevels" "IntegrityLevel"[],
    "targetNamedList" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "withdrawnReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionProduct" (
    "promotionId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,

    CONSTRAINT "PromotionProduct_pkey" PRIMARY KEY ("promotionId","productId")
);

-- CreateTable
CREATE TABLE "PromotionListMember" (
    "promotionId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,

    CONSTRAINT "PromotionListMember_pkey" PRIMARY KEY ("promotionId","retailerId")
);

-- CreateTable
CREATE TABLE "PromotionDelivery" (
    "promotionId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "PromotionDelivery_pkey" PRIMARY KEY ("promotionId","retailerId")
);

-- CreateTable
CREATE TABLE "RewardRule" (
    "id" SERIAL NOT NULL,
    "kind" "RewardRuleKind" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "points" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "effectiveFrom" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RewardRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardRun" (
    "id" SERIAL NOT NULL,
    "periodCode" TEXT NOT NULL,
    "state" "RewardRunState" NOT NULL DEFAULT 'PREVIEW',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "createdById" INTEGER,

    CONSTRAINT "RewardRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "reason" "PointsReason" NOT NULL,
    "ruleId" INTEGER,
    "runId" INTEGER,
    "redemptionId" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardItem" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RewardItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "points" INTEGER NOT NULL,
    "state" "RedemptionState" NOT NULL DEFAULT 'REQUESTED',
    "idempotencyKey" TEXT NOT NULL,
    "handledById" INTEGER,
    "handledAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "state" "SurveyState" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "targetKind" "SurveyTargetKind" NOT NULL DEFAULT 'ALL',
    "target" JSONB NOT NULL,
    "sampleRate" DECIMAL(5,4),
    "createdById" INTEGER NOT NULL,
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "dimension" "ServiceDimension" NOT NULL,
    "weight" DECIMAL(6,3) NOT NULL,
    "type" "QuestionType" NOT NULL,
    "scaleMin" SMALLINT,
    "scaleMax" SMALLINT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "surveyId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "stratum" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("surveyId","retailerId")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "state" "ResponseState" NOT NULL DEFAULT 'DRAFT',
    "channel" "ResponseChannel" NOT NULL DEFAULT 'PORTAL',
    "enteredById" INTEGER,
    "answers" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" BIGSERIAL NOT NULL,
    "responseId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "rowKey" TEXT NOT NULL DEFAULT '',
    "numericValue" SMALLINT,
    "choices" TEXT[],
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintCategory" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "dimension" "ServiceDimension" NOT NULL,
    "parentId" INTEGER,
    "departmentId" INTEGER NOT NULL,
    "acceptSlaDays" INTEGER,
    "resolveSlaDays" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ComplaintCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "caseNo" TEXT NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "ownerId" INTEGER,
    "channel" "CaseChannel" NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'SUBMITTED',
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "relatedOrderId" INTEGER,
    "filedById" INTEGER,
    "idempotencyKey" TEXT,
    "acceptDueAt" TIMESTAMP(3) NOT NULL,
    "resolveDueAt" TIMESTAMP(3) NOT NULL,
    "followUpDueAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "lastReminderAt" TIMESTAMP(3),
    "rating" SMALLINT,
    "ratingComment" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintEvent" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "type" "ComplaintEventType" NOT NULL,
    "visibility" "EventVisibility" NOT NULL,
    "body" TEXT,
    "fromState" "CaseState",
    "toState" "CaseState",
    "actorStaffId" INTEGER,
    "actorLoginId" INTEGER,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintAttachment" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "rule" "AlertRule" NOT NULL,
    "cycleId" INTEGER,
    "details" JSONB NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "triagedById" INTEGER,
    "triagedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "plannedFor" DATE,
    "visitedAt" TIMESTAMP(3),
    "purpose" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER NOT NULL,
    "requestedByLoginId" INTEGER,
    "requestedByStaffId" INTEGER,
    "changes" JSONB NOT NULL,
    "previous" JSONB NOT NULL,
    "reason" TEXT,
    "state" "ChangeRequestState" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "retailerId" INTEGER,
    "staffUserId" INTEGER,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorStaffId" INTEGER,
    "actorLoginId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lastError" TEXT,
    "lockedAt" TIMESTAMP(3),
    "uniqueKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_username_key" ON "StaffUser"("username");

-- CreateIndex
CREATE INDEX "StaffUser_active_idx" ON "StaffUser"("active");

-- CreateIndex
CREATE INDEX "StaffRoleGrant_role_idx" ON "StaffRoleGrant"("role");

-- CreateIndex
CREATE UNIQUE INDEX "RetailerLogin_loginName_key" ON "RetailerLogin"("loginName");

-- CreateIndex
CREATE INDEX "RetailerLogin_retailerId_idx" ON "RetailerLogin"("retailerId");

-- CreateIndex
CREATE UNIQUE INDEX "Retailer_licenceNo_key" ON "Retailer"("licenceNo");

-- CreateIndex
CREATE INDEX "Retailer_districtId_grade_idx" ON "Retailer"("districtId", "grade");

-- CreateIndex
CREATE INDEX "Retailer_accountManagerId_grade_idx" ON "Retailer"("accountManagerId", "grade");

-- CreateIndex
CREATE INDEX "Retailer_grade_idx" ON "Retailer"("grade");

-- CreateIndex
CREATE INDEX "Retailer_phone_idx" ON "Retailer"("phone");

-- CreateIndex
CREATE INDEX "Retailer_status_idx" ON "Retailer"("status");

-- CreateIndex
CREATE INDEX "Retailer_classificationCode_idx" ON "Retailer"("classificationCode");

-- CreateIndex
CREATE INDEX "IntegrityRecord_retailerId_effectiveFrom_idx" ON "IntegrityRecord"("retailerId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "GradePeriod_code_key" ON "GradePeriod"("code");

-- CreateIndex
CREATE INDEX "RetailerGrade_periodId_grade_idx" ON "RetailerGrade"("periodId", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "RetailerGrade_periodId_retailerId_key" ON "RetailerGrade"("periodId", "retailerId");

-- CreateIndex
CREATE UNIQUE INDEX "RetailerGrade_retailerId_periodId_key" ON "RetailerGrade"("retailerId", "periodId");

-- CreateIndex
CREATE INDEX "GradeAppeal_retailerId_createdAt_idx" ON "GradeAppeal"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "GradeAppeal_state_dueAt_idx" ON "GradeAppeal"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Product_code_key" ON "Product"("code");

-- CreateIndex
CREATE INDEX "Product_brand_idx" ON "Product"("brand");

-- CreateIndex
CREATE INDEX "Product_productClass_idx" ON "Product"("productClass");

-- CreateIndex
CREATE UNIQUE INDEX "OrderCycle_code_key" ON "OrderCycle"("code");

-- CreateIndex
CREATE UNIQUE INDEX "OrderCycle_weekStart_key" ON "OrderCycle"("weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "Order_externalRef_key" ON "Order"("externalRef");

-- CreateIndex
CREATE INDEX "Order_retailerId_cycleId_idx" ON "Order"("retailerId", "cycleId");

-- CreateIndex
CREATE INDEX "Order_cycleId_idx" ON "Order"("cycleId");

-- CreateIndex
CREATE INDEX "Order_orderDate_idx" ON "Order"("orderDate");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "AllocationPolicy_cycleId_state_idx" ON "AllocationPolicy"("cycleId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationPolicy_cycleId_version_key" ON "AllocationPolicy"("cycleId", "version");

-- CreateIndex
CREATE INDEX "AllocationLimit_policyId_productId_idx" ON "AllocationLimit"("policyId", "productId");

-- CreateIndex
CREATE INDEX "AllocationAdjustment_retailerId_cycleId_idx" ON "AllocationAdjustment"("retailerId", "cycleId");

-- CreateIndex
CREATE INDEX "CalendarDay_year_idx" ON "CalendarDay"("year");

-- CreateIndex
CREATE INDEX "Promotion_state_startsAt_endsAt_idx" ON "Promotion"("state", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "PromotionProduct_productId_idx" ON "PromotionProduct"("productId");

-- CreateIndex
CREATE INDEX "PromotionListMember_retailerId_idx" ON "PromotionListMember"("retailerId");

-- CreateIndex
CREATE INDEX "PromotionDelivery_retailerId_deliveredAt_idx" ON "PromotionDelivery"("retailerId", "deliveredAt");

-- CreateIndex
CREATE INDEX "RewardRule_kind_effectiveFrom_idx" ON "RewardRule"("kind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RewardRun_periodCode_key" ON "RewardRun"("periodCode");

-- CreateIndex
CREATE INDEX "PointsEntry_retailerId_createdAt_idx" ON "PointsEntry"("retailerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_runId_retailerId_ruleId_key" ON "PointsEntry"("runId", "retailerId", "ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_idempotencyKey_key" ON "Redemption"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Redemption_retailerId_createdAt_idx" ON "Redemption"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "Redemption_state_createdAt_idx" ON "Redemption"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Survey_state_idx" ON "Survey"("state");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_key_key" ON "SurveyQuestion"("surveyId", "key");

-- CreateIndex
CREATE INDEX "SurveyInvitation_retailerId_invitedAt_idx" ON "SurveyInvitation"("retailerId", "invitedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_state_idx" ON "SurveyResponse"("surveyId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_retailerId_key" ON "SurveyResponse"("surveyId", "retailerId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_responseId_questionId_rowKey_key" ON "SurveyAnswer"("responseId", "questionId", "rowKey");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintCategory_code_key" ON "ComplaintCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_caseNo_key" ON "Complaint"("caseNo");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_idempotencyKey_key" ON "Complaint"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Complaint_state_resolveDueAt_idx" ON "Complaint"("state", "resolveDueAt");

-- CreateIndex
CREATE INDEX "Complaint_departmentId_state_resolveDueAt_idx" ON "Complaint"("departmentId", "state", "resolveDueAt");

-- CreateIndex
CREATE INDEX "Complaint_ownerId_state_resolveDueAt_idx" ON "Complaint"("ownerId", "state", "resolveDueAt");

-- CreateIndex
CREATE INDEX "Complaint_retailerId_createdAt_idx" ON "Complaint"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "Complaint_categoryId_state_idx" ON "Complaint"("categoryId", "state");

-- CreateIndex
CREATE INDEX "Complaint_createdAt_idx" ON "Complaint"("createdAt");

-- CreateIndex
CREATE INDEX "ComplaintEvent_complaintId_createdAt_idx" ON "ComplaintEvent"("complaintId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintAttachment_storageKey_key" ON "ComplaintAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "ComplaintAttachment_complaintId_idx" ON "ComplaintAttachment"("complaintId");

-- CreateIndex
CREATE INDEX "Alert_retailerId_createdAt_idx" ON "Alert"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_state_createdAt_idx" ON "Alert"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Visit_retailerId_visitedAt_idx" ON "Visit"("retailerId", "visitedAt");

-- CreateIndex
CREATE INDEX "Visit_staffId_plannedFor_idx" ON "Visit"("staffId", "plannedFor");

-- CreateIndex
CREATE INDEX "ChangeRequest_retailerId_createdAt_idx" ON "ChangeRequest"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_state_createdAt_idx" ON "ChangeRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_retailerId_createdAt_idx" ON "Notification"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_staffUserId_createdAt_idx" ON "Notification"("staffUserId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorStaffId_createdAt_idx" ON "AuditLog"("actorStaffId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_uniqueKey_key" ON "Job"("uniqueKey");

-- CreateIndex
CREATE INDEX "Job_state_runAt_idx" ON "Job"("state", "runAt");

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRoleGrant" ADD CONSTRAINT "StaffRoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailerLogin" ADD CONSTRAINT "RetailerLogin_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retailer" ADD CONSTRAINT "Retailer_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retailer" ADD CONSTRAINT "Retailer_accountManagerId_fkey" FOREIGN KEY ("accountManagerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailerGrade" ADD CONSTRAINT "RetailerGrade_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "GradePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailerGrade" ADD CONSTRAINT "RetailerGrade_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeBoundary" ADD CONSTRAINT "GradeBoundary_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "GradePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAppeal" ADD CONSTRAINT "GradeAppeal_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAppeal" ADD CONSTRAINT "GradeAppeal_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "GradePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAppeal" ADD CONSTRAINT "GradeAppeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPolicy" ADD CONSTRAINT "AllocationPolicy_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPolicy" ADD CONSTRAINT "AllocationPolicy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPolicy" ADD CONSTRAINT "AllocationPolicy_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLimit" ADD CONSTRAINT "AllocationLimit_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "AllocationPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLimit" ADD CONSTRAINT "AllocationLimit_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationAdjustment" ADD CONSTRAINT "AllocationAdjustment_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationAdjustment" ADD CONSTRAINT "AllocationAdjustment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationAdjustment" ADD CONSTRAINT "AllocationAdjustment_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationAdjustment" ADD CONSTRAINT "AllocationAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionProduct" ADD CONSTRAINT "PromotionProduct_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionProduct" ADD CONSTRAINT "PromotionProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionListMember" ADD CONSTRAINT "PromotionListMember_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionListMember" ADD CONSTRAINT "PromotionListMember_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDelivery" ADD CONSTRAINT "PromotionDelivery_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDelivery" ADD CONSTRAINT "PromotionDelivery_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "RewardRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RewardRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_redemptionId_fkey" FOREIGN KEY ("redemptionId") REFERENCES "Redemption"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RewardItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintCategory" ADD CONSTRAINT "ComplaintCategory_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ComplaintCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintCategory" ADD CONSTRAINT "ComplaintCategory_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ComplaintCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_relatedOrderId_fkey" FOREIGN KEY ("relatedOrderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_actorStaffId_fkey" FOREIGN KEY ("actorStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_actorLoginId_fkey" FOREIGN KEY ("actorLoginId") REFERENCES "RetailerLogin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintAttachment" ADD CONSTRAINT "ComplaintAttachment_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintAttachment" ADD CONSTRAINT "ComplaintAttachment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ComplaintEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OrderCycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_triagedById_fkey" FOREIGN KEY ("triagedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_requestedByLoginId_fkey" FOREIGN KEY ("requestedByLoginId") REFERENCES "RetailerLogin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_requestedByStaffId_fkey" FOREIGN KEY ("requestedByStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorStaffId_fkey" FOREIGN KEY ("actorStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: rules the Prisma schema cannot express. The database is the last line of defence.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Back-office search by shop or owner name ("含" search) over hundreds of thousands of retailers.
CREATE INDEX "Retailer_shopName_trgm_idx" ON "Retailer" USING GIN ("shopName" gin_trgm_ops);
CREATE INDEX "Retailer_ownerName_trgm_idx" ON "Retailer" USING GIN ("ownerName" gin_trgm_ops);

ALTER TABLE "Retailer"
  ADD CONSTRAINT "Retailer_licenceNo_check" CHECK ("licenceNo" ~ '^[0-9]{12}$'),
  ADD CONSTRAINT "Retailer_pointsBalance_check" CHECK ("pointsBalance" >= 0),
  ADD CONSTRAINT "Retailer_grade_check" CHECK ("grade" IS NULL OR "grade" BETWEEN 1 AND 30),
  ADD CONSTRAINT "Retailer_orderWeekday_check" CHECK ("orderWeekday" BETWEEN 1 AND 7),
  ADD CONSTRAINT "Retailer_sizeClass_check" CHECK ("sizeClass" BETWEEN 1 AND 3);

ALTER TABLE "RetailerGrade" ADD CONSTRAINT "RetailerGrade_grade_check" CHECK ("grade" BETWEEN 1 AND 30);
ALTER TABLE "Product"
  ADD CONSTRAINT "Product_productClass_check" CHECK ("productClass" BETWEEN 1 AND 5),
  ADD CONSTRAINT "Product_prices_check" CHECK ("wholesalePriceFen" > 0 AND "retailPriceFen" > 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "AllocationLimit"
  ADD CONSTRAINT "AllocationLimit_limitQuantity_check" CHECK ("limitQuantity" >= 0),
  ADD CONSTRAINT "AllocationLimit_band_check" CHECK ("gradeFrom" BETWEEN 1 AND 30 AND "gradeTo" BETWEEN "gradeFrom" AND 30);
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_balanceAfter_check" CHECK ("balanceAfter" >= 0);
ALTER TABLE "RewardItem" ADD CONSTRAINT "RewardItem_stock_check" CHECK ("stock" >= 0 AND "points" > 0);
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_points_check" CHECK ("points" > 0 AND "quantity" > 0);
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_rating_check" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipient_check"
  CHECK (("retailerId" IS NULL) <> ("staffUserId" IS NULL));

-- One open grade appeal per retailer at a time.
CREATE UNIQUE INDEX "GradeAppeal_retailerId_open_idx" ON "GradeAppeal" ("retailerId") WHERE "state" = 'SUBMITTED';
-- Unread inbox counts.
CREATE INDEX "Notification_retailer_unread_open_idx" ON "Notification" ("retailerId") WHERE "readAt" IS NULL;
CREATE INDEX "Notification_staff_unread_open_idx" ON "Notification" ("staffUserId") WHERE "readAt" IS NULL;

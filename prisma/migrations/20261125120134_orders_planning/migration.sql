-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('CUSTOMER', 'WHOLESALE', 'RESTOCK');

-- CreateEnum
CREATE TYPE "OrderSource" AS ENUM ('MANUAL', 'ETSY', 'SHOPIFY');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('OPEN', 'IN_PRODUCTION', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OrderLineStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PlanRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('PLANNED', 'STARTED', 'DONE');

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "OrderKind" NOT NULL DEFAULT 'CUSTOMER',
    "customerName" TEXT NOT NULL DEFAULT '',
    "source" "OrderSource" NOT NULL DEFAULT 'MANUAL',
    "externalRef" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'OPEN',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "designVersionId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "designName" TEXT NOT NULL,
    "variantName" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "OrderLineStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRun" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "status" "PlanRunStatus" NOT NULL DEFAULT 'QUEUED',
    "activeSlot" TEXT DEFAULT 'active',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT 'Waiting for the planner',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" TEXT,
    "figures" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PlanRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "runId" TEXT,
    "horizonStart" TIMESTAMP(3) NOT NULL,
    "figures" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "stationUnit" INTEGER NOT NULL DEFAULT 0,
    "personId" TEXT NOT NULL,
    "stepName" TEXT NOT NULL,
    "family" TEXT,
    "pieces" INTEGER NOT NULL,
    "setupMinutes" INTEGER NOT NULL,
    "workMinutes" INTEGER NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "endAt" TIMESTAMP(3) NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "status" "BatchStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchItem" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "routingStepId" TEXT NOT NULL,
    "pieces" INTEGER NOT NULL,

    CONSTRAINT "BatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Order_studioId_status_idx" ON "Order"("studioId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Order_studioId_id_key" ON "Order"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Order_studioId_number_key" ON "Order"("studioId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_studioId_source_externalRef_key" ON "Order"("studioId", "source", "externalRef");

-- CreateIndex
CREATE INDEX "OrderLine_studioId_status_dueDate_idx" ON "OrderLine"("studioId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "OrderLine_designVersionId_idx" ON "OrderLine"("designVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_studioId_id_key" ON "OrderLine"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_position_key" ON "OrderLine"("orderId", "position");

-- CreateIndex
CREATE INDEX "PlanRun_status_createdAt_idx" ON "PlanRun"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRun_studioId_id_key" ON "PlanRun"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRun_studioId_activeSlot_key" ON "PlanRun"("studioId", "activeSlot");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_studioId_id_key" ON "Plan"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_studioId_key" ON "Plan"("studioId");

-- CreateIndex
CREATE INDEX "Batch_studioId_startAt_idx" ON "Batch"("studioId", "startAt");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_studioId_id_key" ON "Batch"("studioId", "id");

-- CreateIndex
CREATE INDEX "BatchItem_studioId_batchId_idx" ON "BatchItem"("studioId", "batchId");

-- CreateIndex
CREATE INDEX "BatchItem_studioId_orderLineId_idx" ON "BatchItem"("studioId", "orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "BatchItem_studioId_id_key" ON "BatchItem"("studioId", "id");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_studioId_orderId_fkey" FOREIGN KEY ("studioId", "orderId") REFERENCES "Order"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRun" ADD CONSTRAINT "PlanRun_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_studioId_planId_fkey" FOREIGN KEY ("studioId", "planId") REFERENCES "Plan"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_studioId_batchId_fkey" FOREIGN KEY ("studioId", "batchId") REFERENCES "Batch"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_studioId_orderLineId_fkey" FOREIGN KEY ("studioId", "orderLineId") REFERENCES "OrderLine"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security: every orders/planning table is private to its studio.

ALTER TABLE "Order" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Order" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Order"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "OrderLine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OrderLine" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrderLine"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "PlanRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanRun"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "Plan" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Plan" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Plan"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "Batch" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Batch" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Batch"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BatchItem" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BatchItem" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BatchItem"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

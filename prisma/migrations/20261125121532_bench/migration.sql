-- CreateEnum
CREATE TYPE "BenchStatus" AS ENUM ('OPEN', 'CLAIMED', 'RUNNING', 'PAUSED', 'DONE');

-- CreateEnum
CREATE TYPE "BenchEventKind" AS ENUM ('CLAIM', 'RELEASE', 'START', 'PAUSE', 'REPORT', 'COMPLETE');

-- CreateTable
CREATE TABLE "BatchWork" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "pieces" INTEGER NOT NULL,
    "status" "BenchStatus" NOT NULL DEFAULT 'OPEN',
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "runningSince" TIMESTAMP(3),
    "accumulatedSeconds" INTEGER NOT NULL DEFAULT 0,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BatchWork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchItemProgress" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "batchItemId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "pieces" INTEGER NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BatchItemProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchEvent" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "BenchEventKind" NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,
    "scrapReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BatchWork_studioId_id_key" ON "BatchWork"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BatchWork_studioId_batchId_key" ON "BatchWork"("studioId", "batchId");

-- CreateIndex
CREATE INDEX "BatchItemProgress_studioId_orderLineId_stepPosition_idx" ON "BatchItemProgress"("studioId", "orderLineId", "stepPosition");

-- CreateIndex
CREATE INDEX "BatchItemProgress_studioId_batchId_idx" ON "BatchItemProgress"("studioId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "BatchItemProgress_studioId_id_key" ON "BatchItemProgress"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BatchItemProgress_studioId_batchItemId_key" ON "BatchItemProgress"("studioId", "batchItemId");

-- CreateIndex
CREATE INDEX "BenchEvent_studioId_batchId_createdAt_idx" ON "BenchEvent"("studioId", "batchId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BenchEvent_studioId_id_key" ON "BenchEvent"("studioId", "id");

-- AddForeignKey
ALTER TABLE "BatchWork" ADD CONSTRAINT "BatchWork_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchWork" ADD CONSTRAINT "BatchWork_studioId_batchId_fkey" FOREIGN KEY ("studioId", "batchId") REFERENCES "Batch"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItemProgress" ADD CONSTRAINT "BatchItemProgress_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItemProgress" ADD CONSTRAINT "BatchItemProgress_studioId_batchId_fkey" FOREIGN KEY ("studioId", "batchId") REFERENCES "BatchWork"("studioId", "batchId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItemProgress" ADD CONSTRAINT "BatchItemProgress_studioId_batchItemId_fkey" FOREIGN KEY ("studioId", "batchItemId") REFERENCES "BatchItem"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchEvent" ADD CONSTRAINT "BenchEvent_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchEvent" ADD CONSTRAINT "BenchEvent_studioId_batchId_fkey" FOREIGN KEY ("studioId", "batchId") REFERENCES "BatchWork"("studioId", "batchId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security (tenant isolation) for the bench tables.
ALTER TABLE "BatchWork" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BatchWork" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BatchWork"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BatchItemProgress" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BatchItemProgress" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BatchItemProgress"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- The bench audit trail is append-only for the app: read and insert, never update or delete.
ALTER TABLE "BenchEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "BenchEvent" FOR SELECT USING ("studioId" = app_current_tenant());
CREATE POLICY tenant_insert ON "BenchEvent" FOR INSERT WITH CHECK ("studioId" = app_current_tenant());
REVOKE UPDATE, DELETE, TRUNCATE ON "BenchEvent" FROM benchflow_app;

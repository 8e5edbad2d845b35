-- CreateEnum
CREATE TYPE "PinReason" AS ENUM ('PINNED', 'MOVED', 'SPLIT', 'MERGED', 'RESIZED');

-- AlterTable
ALTER TABLE "BomLine" ADD COLUMN     "stepPosition" INTEGER;

-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN     "followUp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "pinReason" "PinReason",
ADD COLUMN     "pinnedAt" TIMESTAMP(3),
ADD COLUMN     "pinnedById" TEXT,
ADD COLUMN     "runEndAt" TIMESTAMP(3),
ADD COLUMN     "runStartAt" TIMESTAMP(3),
ADD COLUMN     "unloadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "BatchItem" ADD COLUMN     "remakeId" TEXT;

-- CreateTable
CREATE TABLE "Remake" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "stepName" TEXT NOT NULL,
    "benchEventId" TEXT NOT NULL,
    "pieces" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reportedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Remake_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Remake_studioId_orderLineId_idx" ON "Remake"("studioId", "orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "Remake_studioId_id_key" ON "Remake"("studioId", "id");

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_studioId_remakeId_fkey" FOREIGN KEY ("studioId", "remakeId") REFERENCES "Remake"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remake" ADD CONSTRAINT "Remake_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remake" ADD CONSTRAINT "Remake_studioId_orderLineId_fkey" FOREIGN KEY ("studioId", "orderLineId") REFERENCES "OrderLine"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security
ALTER TABLE "Remake" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Remake" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Remake"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

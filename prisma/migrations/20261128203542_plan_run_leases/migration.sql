-- AlterTable
ALTER TABLE "PlanRun" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT;

-- CreateIndex
CREATE INDEX "PlanRun_status_leaseExpiresAt_idx" ON "PlanRun"("status", "leaseExpiresAt");

-- Runs already RUNNING (claimed by a worker without leases) keep the old 10-minute bound before a retry.
UPDATE "PlanRun"
SET "attempts" = 1, "leaseExpiresAt" = COALESCE("startedAt", now() AT TIME ZONE 'UTC') + interval '10 minutes'
WHERE status = 'RUNNING';

-- CreateEnum
CREATE TYPE "PlanKey" AS ENUM ('SOLO', 'STUDIO', 'WORKSHOP');

-- CreateTable
CREATE TABLE "StudioSubscription" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "plan" "PlanKey" NOT NULL DEFAULT 'STUDIO',
    "status" TEXT NOT NULL DEFAULT 'trialing',
    "trialEndsAt" TIMESTAMP(3),
    "currentPeriodEnd" TIMESTAMP(3),
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "stripeCustomerId" TEXT,
    "stripeSubscriptionId" TEXT,
    "stripePriceId" TEXT,
    "subscriptionEventAt" TIMESTAMP(3),
    "subscriptionEventKey" TEXT,
    "invoiceEventAt" TIMESTAMP(3),
    "invoiceEventKey" TEXT,
    "lastInvoiceFailed" BOOLEAN NOT NULL DEFAULT false,
    "pastDueSince" TIMESTAMP(3),
    "checkoutCompletedAt" TIMESTAMP(3),
    "appliedEventCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudioSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "targetStudioId" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudioSubscription_studioId_key" ON "StudioSubscription"("studioId");

-- CreateIndex
CREATE UNIQUE INDEX "StudioSubscription_stripeCustomerId_key" ON "StudioSubscription"("stripeCustomerId");

-- CreateIndex
CREATE INDEX "StudioSubscription_stripeSubscriptionId_idx" ON "StudioSubscription"("stripeSubscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "StudioSubscription_studioId_id_key" ON "StudioSubscription"("studioId", "id");

-- CreateIndex
CREATE INDEX "StripeEvent_targetStudioId_idx" ON "StripeEvent"("targetStudioId");

-- AddForeignKey
ALTER TABLE "StudioSubscription" ADD CONSTRAINT "StudioSubscription_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: StudioSubscription is a tenant table.
ALTER TABLE "StudioSubscription" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StudioSubscription" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StudioSubscription"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- StripeEvent is written only by the webhook through the owner connection; the app role never touches it.
REVOKE ALL ON "StripeEvent" FROM benchflow_app;

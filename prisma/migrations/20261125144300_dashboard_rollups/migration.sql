-- DropIndex
DROP INDEX "Order_studioId_status_idx";

-- CreateTable
CREATE TABLE "BenchReportHour" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "stepName" TEXT NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,
    "reports" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BenchReportHour_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchLabourHour" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "designName" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "actualSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "standardSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "BenchLabourHour_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportHour_studioId_id_key" ON "BenchReportHour"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportHour_studioId_hour_stepName_key" ON "BenchReportHour"("studioId", "hour", "stepName");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourHour_studioId_id_key" ON "BenchLabourHour"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourHour_studioId_hour_designName_stepPosition_key" ON "BenchLabourHour"("studioId", "hour", "designName", "stepPosition");

-- CreateIndex
CREATE INDEX "Order_studioId_status_updatedAt_idx" ON "Order"("studioId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Batch_studioId_status_startAt_idx" ON "Batch"("studioId", "status", "startAt");

-- AddForeignKey
ALTER TABLE "BenchReportHour" ADD CONSTRAINT "BenchReportHour_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchLabourHour" ADD CONSTRAINT "BenchLabourHour_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tenant isolation, as for every tenant table.
ALTER TABLE "BenchReportHour" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchReportHour" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchReportHour"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BenchLabourHour" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchLabourHour" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchLabourHour"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- Existing studios: fill the rollups from the bench history already recorded.
INSERT INTO "BenchReportHour" ("id", "studioId", "hour", "stepName", "piecesDone", "piecesScrapped", "reports")
SELECT gen_random_uuid()::text, e."studioId", date_trunc('hour', e."createdAt"), b."stepName",
       SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
  FROM "BenchEvent" e
  JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
 WHERE e."kind" = 'REPORT'
 GROUP BY e."studioId", date_trunc('hour', e."createdAt"), b."stepName";

INSERT INTO "BenchLabourHour" ("id", "studioId", "hour", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
SELECT gen_random_uuid()::text, w."studioId", date_trunc('hour', w."completedAt"), ol."designName", bi."stepPosition",
       SUM(p."piecesDone")::int,
       SUM(w."accumulatedSeconds"::float8 * p."piecesDone" / w."piecesDone"),
       SUM(COALESCE((SELECT (o->>'secondsPerPiece')::float8 FROM jsonb_array_elements(v."overrides") o
                      WHERE (o->>'step')::int = rs."position" LIMIT 1), rs."secondsPerPiece") * p."piecesDone"
           + rs."setupSeconds"::float8 * p."piecesDone" / w."piecesDone")
  FROM "BatchWork" w
  JOIN "BatchItemProgress" p ON p."studioId" = w."studioId" AND p."batchId" = w."batchId"
  JOIN "BatchItem" bi ON bi."studioId" = p."studioId" AND bi."id" = p."batchItemId"
  JOIN "OrderLine" ol ON ol."studioId" = bi."studioId" AND ol."id" = bi."orderLineId"
  JOIN "RoutingStep" rs ON rs."id" = bi."routingStepId"
  JOIN "DesignVariant" v ON v."id" = ol."variantId"
 WHERE w."status" = 'DONE' AND w."piecesDone" > 0 AND p."piecesDone" > 0 AND w."completedAt" IS NOT NULL
 GROUP BY w."studioId", date_trunc('hour', w."completedAt"), ol."designName", bi."stepPosition";

-- Row-level security only lets leakproof operators into index conditions, and enum equality is not marked
-- leakproof, so under the app role `status = 'PLANNED'` or `kind = 'REPORT'` became a filter over every row
-- of the studio (100k+ done batches, 1M events). enum_eq / enum_ne only compare two OIDs: they cannot fail
-- or reveal anything, so they are safe to mark. Needs a superuser; elsewhere the queries are just slower.
DO $$
BEGIN
  ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
  ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'enum_eq/enum_ne not marked LEAKPROOF (needs a superuser): enum filters under RLS will not use indexes';
END $$;

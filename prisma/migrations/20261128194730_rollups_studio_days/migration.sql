-- DropForeignKey
ALTER TABLE "BenchReportHour" DROP CONSTRAINT "BenchReportHour_studioId_fkey";

-- DropForeignKey
ALTER TABLE "BenchLabourHour" DROP CONSTRAINT "BenchLabourHour_studioId_fkey";

-- DropTable
DROP TABLE "BenchReportHour";

-- DropTable
DROP TABLE "BenchLabourHour";

-- CreateTable
CREATE TABLE "BenchReportDay" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stepName" TEXT NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,
    "reports" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BenchReportDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchLabourDay" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "designName" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "actualSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "standardSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "BenchLabourDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportDay_studioId_id_key" ON "BenchReportDay"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportDay_studioId_day_stepName_key" ON "BenchReportDay"("studioId", "day", "stepName");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourDay_studioId_id_key" ON "BenchLabourDay"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourDay_studioId_day_designName_stepPosition_key" ON "BenchLabourDay"("studioId", "day", "designName", "stepPosition");

-- AddForeignKey
ALTER TABLE "BenchReportDay" ADD CONSTRAINT "BenchReportDay_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchLabourDay" ADD CONSTRAINT "BenchLabourDay_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tenant isolation, as for every tenant table.
ALTER TABLE "BenchReportDay" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchReportDay" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchReportDay"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BenchLabourDay" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchLabourDay" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchLabourDay"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- Hourly UTC buckets put a report in the half hour around midnight on the wrong day in half- and quarter-hour
-- zones (India, Nepal, Chatham). Rebuild the rollups from the bench history, per day in each studio's zone.
INSERT INTO "BenchReportDay" ("id", "studioId", "day", "stepName", "piecesDone", "piecesScrapped", "reports")
SELECT gen_random_uuid()::text, e."studioId", ((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, b."stepName",
       SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
  FROM "BenchEvent" e
  JOIN "Studio" s ON s."id" = e."studioId"
  JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
 WHERE e."kind" = 'REPORT'
 GROUP BY e."studioId", ((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, b."stepName";

INSERT INTO "BenchLabourDay" ("id", "studioId", "day", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
SELECT gen_random_uuid()::text, w."studioId", ((w."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, ol."designName", bi."stepPosition",
       SUM(p."piecesDone")::int,
       SUM(w."accumulatedSeconds"::float8 * p."piecesDone" / w."piecesDone"),
       SUM(COALESCE((SELECT (o->>'secondsPerPiece')::float8 FROM jsonb_array_elements(v."overrides") o
                      WHERE (o->>'step')::int = rs."position" LIMIT 1), rs."secondsPerPiece") * p."piecesDone"
           + rs."setupSeconds"::float8 * p."piecesDone" / w."piecesDone")
  FROM "BatchWork" w
  JOIN "Studio" s ON s."id" = w."studioId"
  JOIN "BatchItemProgress" p ON p."studioId" = w."studioId" AND p."batchId" = w."batchId"
  JOIN "BatchItem" bi ON bi."studioId" = p."studioId" AND bi."id" = p."batchItemId"
  JOIN "OrderLine" ol ON ol."studioId" = bi."studioId" AND ol."id" = bi."orderLineId"
  JOIN "RoutingStep" rs ON rs."id" = bi."routingStepId"
  JOIN "DesignVariant" v ON v."id" = ol."variantId"
 WHERE w."status" = 'DONE' AND w."piecesDone" > 0 AND p."piecesDone" > 0 AND w."completedAt" IS NOT NULL
 GROUP BY w."studioId", ((w."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, ol."designName", bi."stepPosition";

ANALYZE "BenchReportDay", "BenchLabourDay";

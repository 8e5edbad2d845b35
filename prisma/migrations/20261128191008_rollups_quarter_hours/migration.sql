-- DropForeignKey
ALTER TABLE "BenchReportHour" DROP CONSTRAINT "BenchReportHour_studioId_fkey";

-- DropForeignKey
ALTER TABLE "BenchLabourHour" DROP CONSTRAINT "BenchLabourHour_studioId_fkey";

-- DropTable
DROP TABLE "BenchReportHour";

-- DropTable
DROP TABLE "BenchLabourHour";

-- CreateTable
CREATE TABLE "BenchReportQuarter" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "quarter" TIMESTAMP(3) NOT NULL,
    "stepName" TEXT NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "piecesScrapped" INTEGER NOT NULL DEFAULT 0,
    "reports" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BenchReportQuarter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchLabourQuarter" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "quarter" TIMESTAMP(3) NOT NULL,
    "designName" TEXT NOT NULL,
    "stepPosition" INTEGER NOT NULL,
    "piecesDone" INTEGER NOT NULL DEFAULT 0,
    "actualSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "standardSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "BenchLabourQuarter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportQuarter_studioId_id_key" ON "BenchReportQuarter"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchReportQuarter_studioId_quarter_stepName_key" ON "BenchReportQuarter"("studioId", "quarter", "stepName");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourQuarter_studioId_id_key" ON "BenchLabourQuarter"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BenchLabourQuarter_studioId_quarter_designName_stepPosition_key" ON "BenchLabourQuarter"("studioId", "quarter", "designName", "stepPosition");

-- AddForeignKey
ALTER TABLE "BenchReportQuarter" ADD CONSTRAINT "BenchReportQuarter_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchLabourQuarter" ADD CONSTRAINT "BenchLabourQuarter_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tenant isolation, as for every tenant table.
ALTER TABLE "BenchReportQuarter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchReportQuarter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchReportQuarter"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BenchLabourQuarter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BenchLabourQuarter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BenchLabourQuarter"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- Hourly buckets put a report in the half hour around midnight on the wrong day in half- and quarter-hour
-- zones (India, Nepal, Chatham). Rebuild the rollups in UTC quarter hours from the bench history.
INSERT INTO "BenchReportQuarter" ("id", "studioId", "quarter", "stepName", "piecesDone", "piecesScrapped", "reports")
SELECT gen_random_uuid()::text, e."studioId", date_bin('15 minutes', e."createdAt", TIMESTAMP '2000-01-01'), b."stepName",
       SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
  FROM "BenchEvent" e
  JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
 WHERE e."kind" = 'REPORT'
 GROUP BY e."studioId", date_bin('15 minutes', e."createdAt", TIMESTAMP '2000-01-01'), b."stepName";

INSERT INTO "BenchLabourQuarter" ("id", "studioId", "quarter", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
SELECT gen_random_uuid()::text, w."studioId", date_bin('15 minutes', w."completedAt", TIMESTAMP '2000-01-01'), ol."designName", bi."stepPosition",
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
 GROUP BY w."studioId", date_bin('15 minutes', w."completedAt", TIMESTAMP '2000-01-01'), ol."designName", bi."stepPosition";

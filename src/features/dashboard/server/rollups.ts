import { Prisma } from "~/generated/prisma/client";

// The dashboard's hourly rollups (prisma/schema/dashboard.prisma), written in the same transaction as the
// bench write they summarise, so they can never disagree with the events and bench work they come from.

type Db = { $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Prisma.PrismaPromise<number> };

const HOUR_MS = 3_600_000;
/** The UTC hour bucket of a moment. */
export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/** Adds one REPORT event to its hour and the batch's step. */
export async function addReportToRollup(db: Db, studioId: string, batchId: string, at: Date, piecesDone: number, piecesScrapped: number) {
  await db.$executeRaw`
    INSERT INTO "BenchReportHour" ("id", "studioId", "hour", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, b."studioId", ${hourOf(at)}::timestamp, b."stepName", ${piecesDone}, ${piecesScrapped}, 1
      FROM "Batch" b WHERE b."id" = ${batchId} AND b."studioId" = ${studioId}
    ON CONFLICT ("studioId", "hour", "stepName") DO UPDATE
       SET "piecesDone" = "BenchReportHour"."piecesDone" + EXCLUDED."piecesDone",
           "piecesScrapped" = "BenchReportHour"."piecesScrapped" + EXCLUDED."piecesScrapped",
           "reports" = "BenchReportHour"."reports" + 1`;
}

/**
 * Labour of completed bench work per (design, routing step), in the shares labourPerDesign explains: each item's
 * pieces done, its share of the batch's running time (in proportion to pieces done) and its standard time
 * (seconds per piece, the variant's override if any, plus its share of the step's setup).
 */
const labourItems = (where: Prisma.Sql) => Prisma.sql`
  SELECT w."studioId", date_trunc('hour', w."completedAt") AS hour, ol."designName", bi."stepPosition",
         SUM(p."piecesDone")::int AS done,
         SUM(w."accumulatedSeconds"::float8 * p."piecesDone" / w."piecesDone") AS actual,
         SUM(COALESCE((SELECT (o->>'secondsPerPiece')::float8 FROM jsonb_array_elements(v."overrides") o
                        WHERE (o->>'step')::int = rs."position" LIMIT 1), rs."secondsPerPiece") * p."piecesDone"
             + rs."setupSeconds"::float8 * p."piecesDone" / w."piecesDone") AS standard
    FROM "BatchWork" w
    JOIN "BatchItemProgress" p ON p."studioId" = w."studioId" AND p."batchId" = w."batchId"
    JOIN "BatchItem" bi ON bi."studioId" = p."studioId" AND bi."id" = p."batchItemId"
    JOIN "OrderLine" ol ON ol."studioId" = bi."studioId" AND ol."id" = bi."orderLineId"
    JOIN "RoutingStep" rs ON rs."id" = bi."routingStepId"
    JOIN "DesignVariant" v ON v."id" = ol."variantId"
   WHERE ${where} AND w."status" = 'DONE' AND w."piecesDone" > 0 AND p."piecesDone" > 0 AND w."completedAt" IS NOT NULL
   GROUP BY w."studioId", date_trunc('hour', w."completedAt"), ol."designName", bi."stepPosition"`;

const upsertLabour = (items: Prisma.Sql) => Prisma.sql`
  INSERT INTO "BenchLabourHour" ("id", "studioId", "hour", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
  SELECT gen_random_uuid()::text, "studioId", hour, "designName", "stepPosition", done, actual, standard FROM (${items}) AS items
  ON CONFLICT ("studioId", "hour", "designName", "stepPosition") DO UPDATE
     SET "piecesDone" = "BenchLabourHour"."piecesDone" + EXCLUDED."piecesDone",
         "actualSeconds" = "BenchLabourHour"."actualSeconds" + EXCLUDED."actualSeconds",
         "standardSeconds" = "BenchLabourHour"."standardSeconds" + EXCLUDED."standardSeconds"`;

/** Adds a batch's bench work, just completed, to the labour rollup. */
export async function addCompletedWorkToRollup(db: Db, studioId: string, batchId: string) {
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studioId} AND w."batchId" = ${batchId}`)));
}

/** Recomputes a studio's rollups from its bench events and completed work (seeding, repairs, tests). */
export async function rebuildDashboardRollups(db: Db, studioId: string) {
  await db.$executeRaw`DELETE FROM "BenchReportHour" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`DELETE FROM "BenchLabourHour" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`
    INSERT INTO "BenchReportHour" ("id", "studioId", "hour", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, e."studioId", date_trunc('hour', e."createdAt"), b."stepName",
           SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
      FROM "BenchEvent" e
      JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
     WHERE e."studioId" = ${studioId} AND e."kind" = 'REPORT'
     GROUP BY e."studioId", date_trunc('hour', e."createdAt"), b."stepName"`;
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studioId}`)));
}

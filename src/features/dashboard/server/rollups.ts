import { Prisma } from "~/generated/prisma/client";

// The dashboard's rollups in UTC quarter hours (prisma/schema/dashboard.prisma), written in the same transaction
// as the bench write they summarise, so they can never disagree with the events and bench work they come from.
// Quarter hours, because every zone's offset is a whole number of them: a studio-local day is a range of
// buckets in Kolkata (+5:30), Kathmandu (+5:45) and Chatham (+12:45/+13:45) as much as in Berlin.

type Db = { $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Prisma.PrismaPromise<number> };

const QUARTER_MS = 15 * 60_000;
/** The UTC quarter-hour bucket of a moment. */
export const quarterOf = (at: Date) => new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS);
/** The same bucket in SQL, for a UTC `timestamp` expression. */
const quarterSql = (column: Prisma.Sql) => Prisma.sql`date_bin('15 minutes', ${column}, TIMESTAMP '2000-01-01')`;

/** Adds one REPORT event to its quarter hour and the batch's step. */
export async function addReportToRollup(db: Db, studioId: string, batchId: string, at: Date, piecesDone: number, piecesScrapped: number) {
  await db.$executeRaw`
    INSERT INTO "BenchReportQuarter" ("id", "studioId", "quarter", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, b."studioId", ${quarterOf(at)}::timestamp, b."stepName", ${piecesDone}, ${piecesScrapped}, 1
      FROM "Batch" b WHERE b."id" = ${batchId} AND b."studioId" = ${studioId}
    ON CONFLICT ("studioId", "quarter", "stepName") DO UPDATE
       SET "piecesDone" = "BenchReportQuarter"."piecesDone" + EXCLUDED."piecesDone",
           "piecesScrapped" = "BenchReportQuarter"."piecesScrapped" + EXCLUDED."piecesScrapped",
           "reports" = "BenchReportQuarter"."reports" + 1`;
}

/**
 * Labour of completed bench work per (design, routing step), in the shares labourPerDesign explains: each item's
 * pieces done, its share of the batch's running time (in proportion to pieces done) and its standard time
 * (seconds per piece, the variant's override if any, plus its share of the step's setup).
 */
const labourItems = (where: Prisma.Sql) => Prisma.sql`
  SELECT w."studioId", ${quarterSql(Prisma.sql`w."completedAt"`)} AS quarter, ol."designName", bi."stepPosition",
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
   GROUP BY w."studioId", ${quarterSql(Prisma.sql`w."completedAt"`)}, ol."designName", bi."stepPosition"`;

const upsertLabour = (items: Prisma.Sql) => Prisma.sql`
  INSERT INTO "BenchLabourQuarter" ("id", "studioId", "quarter", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
  SELECT gen_random_uuid()::text, "studioId", quarter, "designName", "stepPosition", done, actual, standard FROM (${items}) AS items
  ON CONFLICT ("studioId", "quarter", "designName", "stepPosition") DO UPDATE
     SET "piecesDone" = "BenchLabourQuarter"."piecesDone" + EXCLUDED."piecesDone",
         "actualSeconds" = "BenchLabourQuarter"."actualSeconds" + EXCLUDED."actualSeconds",
         "standardSeconds" = "BenchLabourQuarter"."standardSeconds" + EXCLUDED."standardSeconds"`;

/** Adds a batch's bench work, just completed, to the labour rollup. */
export async function addCompletedWorkToRollup(db: Db, studioId: string, batchId: string) {
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studioId} AND w."batchId" = ${batchId}`)));
}

/** Recomputes a studio's rollups from its bench events and completed work (seeding, repairs, tests). */
export async function rebuildDashboardRollups(db: Db, studioId: string) {
  await db.$executeRaw`DELETE FROM "BenchReportQuarter" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`DELETE FROM "BenchLabourQuarter" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`
    INSERT INTO "BenchReportQuarter" ("id", "studioId", "quarter", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, e."studioId", ${quarterSql(Prisma.sql`e."createdAt"`)}, b."stepName",
           SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
      FROM "BenchEvent" e
      JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
     WHERE e."studioId" = ${studioId} AND e."kind" = 'REPORT'
     GROUP BY e."studioId", ${quarterSql(Prisma.sql`e."createdAt"`)}, b."stepName"`;
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studioId}`)));
}

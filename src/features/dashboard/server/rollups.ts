import { Prisma } from "~/generated/prisma/client";
import { sqlLocalDay, sqlTimestamp } from "~/server/time-zone-sql";

// The dashboard's rollups per studio-local day (prisma/schema/dashboard.prisma), written in the same
// transaction as the bench write they summarise, so they can never disagree with the events and bench work
// they come from. The day is taken in the studio's zone by PostgreSQL, the same way on every path (a report, a
// completion, a rebuild), so a report at 23:50 in Kolkata is that day's and one at 00:10 the next day's.

type Db = { $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Prisma.PrismaPromise<number> };
type Studio = { id: string; timeZone: string };

/** Adds one REPORT event to its studio-local day and the batch's step. */
export async function addReportToRollup(db: Db, studio: Studio, batchId: string, at: Date, piecesDone: number, piecesScrapped: number) {
  await db.$executeRaw`
    INSERT INTO "BenchReportDay" ("id", "studioId", "day", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, b."studioId", ${sqlLocalDay(Prisma.sql`${sqlTimestamp(at)}::timestamp`, studio.timeZone)}, b."stepName", ${piecesDone}, ${piecesScrapped}, 1
      FROM "Batch" b WHERE b."id" = ${batchId} AND b."studioId" = ${studio.id}
    ON CONFLICT ("studioId", "day", "stepName") DO UPDATE
       SET "piecesDone" = "BenchReportDay"."piecesDone" + EXCLUDED."piecesDone",
           "piecesScrapped" = "BenchReportDay"."piecesScrapped" + EXCLUDED."piecesScrapped",
           "reports" = "BenchReportDay"."reports" + 1`;
}

/**
 * Labour of completed bench work per (design, routing step), in the shares labourPerDesign explains: each item's
 * pieces done, its share of the batch's running time (in proportion to pieces done) and its standard time
 * (seconds per piece, the variant's override if any, plus its share of the step's setup).
 */
const labourItems = (where: Prisma.Sql, timeZone: string | Prisma.Sql) => Prisma.sql`
  SELECT w."studioId", ${sqlLocalDay(Prisma.sql`w."completedAt"`, timeZone)} AS day, ol."designName", bi."stepPosition",
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
   GROUP BY w."studioId", 2, ol."designName", bi."stepPosition"`; // 2 = the day (its zone is a bind parameter)

const upsertLabour = (items: Prisma.Sql) => Prisma.sql`
  INSERT INTO "BenchLabourDay" ("id", "studioId", "day", "designName", "stepPosition", "piecesDone", "actualSeconds", "standardSeconds")
  SELECT gen_random_uuid()::text, "studioId", day, "designName", "stepPosition", done, actual, standard FROM (${items}) AS items
  ON CONFLICT ("studioId", "day", "designName", "stepPosition") DO UPDATE
     SET "piecesDone" = "BenchLabourDay"."piecesDone" + EXCLUDED."piecesDone",
         "actualSeconds" = "BenchLabourDay"."actualSeconds" + EXCLUDED."actualSeconds",
         "standardSeconds" = "BenchLabourDay"."standardSeconds" + EXCLUDED."standardSeconds"`;

/** Adds a batch's bench work, just completed, to the labour rollup. */
export async function addCompletedWorkToRollup(db: Db, studio: Studio, batchId: string) {
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studio.id} AND w."batchId" = ${batchId}`, studio.timeZone)));
}

/** The studio's current zone, inside a rebuild's SQL. */
const studioZone = (studioId: string) => Prisma.sql`(SELECT "timeZone" FROM "Studio" WHERE "id" = ${studioId})`;

/**
 * Recomputes a studio's rollups from its bench events and completed work (seeding, repairs, tests), dating
 * them in the studio's current zone.
 */
export async function rebuildDashboardRollups(db: Db, studioId: string) {
  const zone = studioZone(studioId);
  const day = sqlLocalDay(Prisma.sql`e."createdAt"`, zone);
  await db.$executeRaw`DELETE FROM "BenchReportDay" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`DELETE FROM "BenchLabourDay" WHERE "studioId" = ${studioId}`;
  await db.$executeRaw`
    INSERT INTO "BenchReportDay" ("id", "studioId", "day", "stepName", "piecesDone", "piecesScrapped", "reports")
    SELECT gen_random_uuid()::text, e."studioId", ${day}, b."stepName", SUM(e."piecesDone"), SUM(e."piecesScrapped"), COUNT(*)
      FROM "BenchEvent" e
      JOIN "Batch" b ON b."studioId" = e."studioId" AND b."id" = e."batchId"
     WHERE e."studioId" = ${studioId} AND e."kind" = 'REPORT'
     GROUP BY e."studioId", 3, b."stepName"`; // 3 = the day
  await db.$executeRaw(upsertLabour(labourItems(Prisma.sql`w."studioId" = ${studioId}`, zone)));
}

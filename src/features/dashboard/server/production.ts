import type { StudioContext } from "~/server/trpc/procedures";
import type { DashboardInput, DashboardRange } from "./schemas";
import { studioRange } from "./range";

// Production figures, all computed by PostgreSQL aggregates (never by loading events into JS). Range figures
// read the rollups per studio-local day (see rollups.ts), a few thousand rows even for a year of a busy studio's history.

/**
 * Work in progress now (not range-bound), per step name, over batches that are not DONE. Remaining pieces
 * of an item = its pieces - done - scrapped (progress rows exist once the batch is claimed). "In progress":
 * the batch is claimed (work CLAIMED / RUNNING / PAUSED); "waiting": nobody has claimed it yet.
 */
export async function wipPerStep(ctx: StudioContext) {
  const rows = await ctx.db.$queryRaw<Array<{ stepName: string; waiting: number; inProgress: number }>>`
    SELECT b."stepName",
           COALESCE(SUM(CASE WHEN w."status" IS NULL OR w."status" = 'OPEN'
                             THEN bi."pieces" - COALESCE(p."piecesDone", 0) - COALESCE(p."piecesScrapped", 0) END), 0)::int AS "waiting",
           COALESCE(SUM(CASE WHEN w."status" IN ('CLAIMED', 'RUNNING', 'PAUSED')
                             THEN bi."pieces" - COALESCE(p."piecesDone", 0) - COALESCE(p."piecesScrapped", 0) END), 0)::int AS "inProgress"
      FROM "Batch" b
      JOIN "BatchItem" bi ON bi."studioId" = b."studioId" AND bi."batchId" = b."id"
      LEFT JOIN "BatchWork" w ON w."studioId" = b."studioId" AND w."batchId" = b."id"
      LEFT JOIN "BatchItemProgress" p ON p."studioId" = bi."studioId" AND p."batchItemId" = bi."id"
     WHERE b."studioId" = ${ctx.studio.id} AND b."status" IN ('PLANNED', 'STARTED')
     GROUP BY b."stepName"
     ORDER BY b."stepName"`;
  return rows.filter((row) => row.waiting + row.inProgress > 0);
}

/** Pieces reported done per studio-local day (REPORT bench events), every day of the range, zeros included. */
export async function throughputPerDay(ctx: StudioContext, range: DashboardRange) {
  const rows = await ctx.db.$queryRaw<Array<{ day: string; piecesDone: number; piecesScrapped: number }>>`
    WITH reports AS (
      SELECT r."day", SUM(r."piecesDone")::int AS done, SUM(r."piecesScrapped")::int AS scrapped
        FROM "BenchReportDay" r
       WHERE r."studioId" = ${ctx.studio.id} AND r."day" BETWEEN ${range.from}::date AND ${range.to}::date
       GROUP BY r."day"
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day", COALESCE(r.done, 0)::int AS "piecesDone", COALESCE(r.scrapped, 0)::int AS "piecesScrapped"
      FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS d(day)
      LEFT JOIN reports r ON r.day = d.day::date
     ORDER BY d.day`;
  return rows;
}

/** Scrap rate per step over the range's REPORT events: scrapped / (done + scrapped). */
export async function scrapPerStep(ctx: StudioContext, range: DashboardRange) {
  const rows = await ctx.db.$queryRaw<Array<{ stepName: string; piecesDone: number; piecesScrapped: number }>>`
    SELECT r."stepName", SUM(r."piecesDone")::int AS "piecesDone", SUM(r."piecesScrapped")::int AS "piecesScrapped"
      FROM "BenchReportDay" r
     WHERE r."studioId" = ${ctx.studio.id} AND r."day" BETWEEN ${range.from}::date AND ${range.to}::date
     GROUP BY r."stepName"
    HAVING SUM(r."piecesDone" + r."piecesScrapped") > 0
     ORDER BY r."stepName"`;
  return rows.map((row) => ({ ...row, scrapRate: row.piecesScrapped / (row.piecesDone + row.piecesScrapped) }));
}

/**
 * Labour minutes per finished piece, actual vs standard, per design, over bench work completed in the range.
 * Per (design, step): actual = the batches' running time (BatchWork.accumulatedSeconds), shared among the
 * batch's items in proportion to their pieces done, / pieces done; standard = the routing step's seconds per
 * piece (the variant's override if any) + its setup seconds shared the same way / pieces done. A design's
 * figure is the sum over its steps (the time one piece takes through every step that was worked). The shares
 * are summed per studio-local day of completion when a batch completes (BenchLabourDay).
 */
export async function labourPerDesign(ctx: StudioContext, range: DashboardRange) {
  const rows = await ctx.db.$queryRaw<Array<{ designName: string; piecesDone: number; actualMinutes: number; standardMinutes: number }>>`
    WITH steps AS (
      SELECT l."designName", l."stepPosition", SUM(l."piecesDone") AS done,
             SUM(l."actualSeconds") / SUM(l."piecesDone") AS actual, SUM(l."standardSeconds") / SUM(l."piecesDone") AS standard
        FROM "BenchLabourDay" l
       WHERE l."studioId" = ${ctx.studio.id} AND l."day" BETWEEN ${range.from}::date AND ${range.to}::date
       GROUP BY l."designName", l."stepPosition"
      HAVING SUM(l."piecesDone") > 0
    )
    SELECT "designName", MAX(done)::int AS "piecesDone",
           (SUM(actual) / 60)::float8 AS "actualMinutes", (SUM(standard) / 60)::float8 AS "standardMinutes"
      FROM steps GROUP BY "designName" ORDER BY "designName"`;
  return rows;
}

/** The dashboard's bench figures over the input's range (the last 30 studio days when omitted). */
export async function productionFigures(ctx: StudioContext, input: DashboardInput) {
  const range = studioRange(input, ctx.studio.timeZone);
  return {
    range,
    wip: await wipPerStep(ctx),
    throughput: await throughputPerDay(ctx, range),
    scrap: await scrapPerStep(ctx, range),
    labour: await labourPerDesign(ctx, range),
  };
}

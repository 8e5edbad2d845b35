import { studioDay, studioWeek } from "~/server/time-zone";
import { sqlTimestamp } from "~/server/time-zone-sql";
import type { StudioContext } from "~/server/trpc/procedures";

// "Your bench" on the studio home: what the signed-in member did today and this week, in the studio's time
// zone (weeks start on Monday). Every figure is a PostgreSQL aggregate over an index range scan of this
// week only — BenchEvent(studioId, kind, createdAt) and BatchWork(studioId, status, completedAt) — never a
// scan of the studio's whole history.
//
// Under row-level security only leakproof operators become index conditions. Enum equality (kind, status)
// is not leakproof, so PostgreSQL 18 skip-scans those index columns and ranges on the timestamps; the bounds
// are therefore passed as `timestamp` (timestamp >= timestamptz is not leakproof either and would mean a
// sequential scan). Measured at 1M events in one studio: about 15 ms for all three queries together. The day
// and week bounds come from ~/server/time-zone, as for the bench queue.

export type BenchTally = { piecesDone: number; piecesScrapped: number; batchesCompleted: number; minutesWorked: number };

type Bounds = { dayStart: string; dayEnd: string; weekStart: string; weekEnd: string; now: string };

/** Timer sessions that began more than this before the week and ended inside it are not counted. */
const SESSION_LOOKBACK = "1 day";

/** The studio-local day and week (Monday 00:00) containing `now`, as the naive UTC timestamps the columns hold. */
function studioBounds(ctx: StudioContext, now: Date): Bounds {
  const [dayStart, dayEnd] = studioDay(ctx.studio.timeZone, now);
  const [weekStart, weekEnd] = studioWeek(ctx.studio.timeZone, now);
  const sql = sqlTimestamp;
  return { dayStart: sql(dayStart), dayEnd: sql(dayEnd), weekStart: sql(weekStart), weekEnd: sql(weekEnd), now: sql(now) };
}

/** Pieces I reported done and scrapped (REPORT events), today and this week. */
async function myReports(ctx: StudioContext, b: Bounds) {
  const [row] = await ctx.db.$queryRaw<Array<{ todayDone: number; todayScrapped: number; weekDone: number; weekScrapped: number }>>`
    SELECT COALESCE(SUM(e."piecesDone") FILTER (WHERE e."createdAt" >= ${b.dayStart}::timestamp AND e."createdAt" < ${b.dayEnd}::timestamp), 0)::int AS "todayDone",
           COALESCE(SUM(e."piecesScrapped") FILTER (WHERE e."createdAt" >= ${b.dayStart}::timestamp AND e."createdAt" < ${b.dayEnd}::timestamp), 0)::int AS "todayScrapped",
           COALESCE(SUM(e."piecesDone"), 0)::int AS "weekDone",
           COALESCE(SUM(e."piecesScrapped"), 0)::int AS "weekScrapped"
      FROM "BenchEvent" e
     WHERE e."studioId" = ${ctx.studio.id} AND e."kind" = 'REPORT'
       AND e."createdAt" >= ${b.weekStart}::timestamp AND e."createdAt" < ${b.weekEnd}::timestamp
       AND e."userId" = ${ctx.user.id}`;
  return row!;
}

/** Batches I completed (the claimer completes; the claim stays on the done batch), today and this week. */
async function myCompletedBatches(ctx: StudioContext, b: Bounds) {
  const [row] = await ctx.db.$queryRaw<Array<{ today: number; week: number }>>`
    SELECT (COUNT(*) FILTER (WHERE w."completedAt" >= ${b.dayStart}::timestamp AND w."completedAt" < ${b.dayEnd}::timestamp))::int AS "today",
           COUNT(*)::int AS "week"
      FROM "BatchWork" w
     WHERE w."studioId" = ${ctx.studio.id} AND w."status" = 'DONE'
       AND w."completedAt" >= ${b.weekStart}::timestamp AND w."completedAt" < ${b.weekEnd}::timestamp
       AND w."claimedById" = ${ctx.user.id}`;
  return row!;
}

/**
 * Seconds on my timer today and this week. A session runs from my START to the batch's next PAUSE, COMPLETE
 * or RELEASE (an admin may release for me); a session still running is taken from the work row's
 * runningSince, however long ago it started. Sessions are clipped to the day and the week. Events are read
 * from SESSION_LOOKBACK before the week so a session running across Monday midnight counts its part.
 */
async function myTimerSeconds(ctx: StudioContext, b: Bounds) {
  const [row] = await ctx.db.$queryRaw<Array<{ today: number; week: number }>>`
    WITH timer AS (
      SELECT e."userId", e."kind", e."createdAt" AS "from",
             LEAD(e."createdAt") OVER (PARTITION BY e."batchId" ORDER BY e."createdAt", e."id") AS "until"
        FROM "BenchEvent" e
       WHERE e."studioId" = ${ctx.studio.id} AND e."kind" IN ('START', 'PAUSE', 'COMPLETE', 'RELEASE')
         AND e."createdAt" >= ${b.weekStart}::timestamp - ${SESSION_LOOKBACK}::interval AND e."createdAt" < ${b.weekEnd}::timestamp
    ),
    sessions AS (
      SELECT "from", "until" FROM timer WHERE "kind" = 'START' AND "userId" = ${ctx.user.id} AND "until" IS NOT NULL
      UNION ALL
      SELECT w."runningSince", ${b.now}::timestamp
        FROM "BatchWork" w
       WHERE w."studioId" = ${ctx.studio.id} AND w."completedAt" IS NULL AND w."status" = 'RUNNING'
         AND w."claimedById" = ${ctx.user.id} AND w."runningSince" IS NOT NULL
    )
    SELECT COALESCE(SUM(GREATEST(0, EXTRACT(EPOCH FROM LEAST("until", ${b.dayEnd}::timestamp) - GREATEST("from", ${b.dayStart}::timestamp)))), 0)::float8 AS "today",
           COALESCE(SUM(GREATEST(0, EXTRACT(EPOCH FROM LEAST("until", ${b.weekEnd}::timestamp) - GREATEST("from", ${b.weekStart}::timestamp)))), 0)::float8 AS "week"
      FROM sessions`;
  return row!;
}

const asDate = (utc: string) => new Date(`${utc.replace(" ", "T")}Z`);

/** My tallies for today and this week in the studio's time zone. */
export async function benchMine(ctx: StudioContext, now = new Date()) {
  const bounds = studioBounds(ctx, now);
  const reports = await myReports(ctx, bounds);
  const batches = await myCompletedBatches(ctx, bounds);
  const seconds = await myTimerSeconds(ctx, bounds);
  const today: BenchTally = {
    piecesDone: reports.todayDone,
    piecesScrapped: reports.todayScrapped,
    batchesCompleted: batches.today,
    minutesWorked: Math.floor(seconds.today / 60),
  };
  const week: BenchTally = {
    piecesDone: reports.weekDone,
    piecesScrapped: reports.weekScrapped,
    batchesCompleted: batches.week,
    minutesWorked: Math.floor(seconds.week / 60),
  };
  return {
    dayStart: asDate(bounds.dayStart),
    weekStart: asDate(bounds.weekStart),
    weekEnd: asDate(bounds.weekEnd),
    today,
    week,
  };
}

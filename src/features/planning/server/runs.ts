import { TRPCError } from "@trpc/server";
import { notFound, uniqueOr } from "~/server/errors";
import { byStudio, type TenantDb } from "~/server/db";
import { publishStudioEvent } from "~/server/realtime/events";
import type { StudioContext } from "~/server/trpc/procedures";
import type { RunIdInput } from "./schemas";

const runSelect = {
  id: true, status: true, progress: true, message: true, cancelRequested: true, createdAt: true, startedAt: true, finishedAt: true, figures: true, reason: true,
} as const;

/** Queues a planner run. At most one queued/running run per studio (unique activeSlot) -> CONFLICT otherwise. */
export async function requestPlan(ctx: StudioContext) {
  // A savepoint-free insert: the unique violation aborts the request transaction, which is thrown anyway.
  return uniqueOr(
    ctx.db.planRun.create({ data: { studioId: ctx.studio.id, requestedById: ctx.user.id }, select: runSelect }),
    "The planner is already running for this studio. Wait for it to finish or cancel it.",
  );
}

/**
 * After orders change: plan again when the studio already has a plan, so the board follows the change. A run
 * already queued or running ("busy") gets a follow-up run once it ends (it may have read the orders before).
 */
export async function replanAfterOrderChange(ctx: StudioContext): Promise<"queued" | "busy" | "none"> {
  if (!(await ctx.db.plan.count({ where: byStudio(ctx.studio.id) }))) return "none";
  return (await requestReplan(ctx.db, ctx.studio.id, ctx.user.id, "orders changed")) === "queued" ? "queued" : "busy";
}

export async function getRun(ctx: StudioContext, input: RunIdInput) {
  const { runId } = input;
  const run = await ctx.db.planRun.findFirst({ where: byStudio(ctx.studio.id, { id: runId }), select: runSelect });
  if (!run) throw notFound("Planner run");
  return run;
}

/** The active run, if any (so a reloaded page picks up a run in progress), and the latest finished one. */
export async function latestRuns(ctx: StudioContext) {
  const active = await ctx.db.planRun.findFirst({ where: byStudio(ctx.studio.id, { activeSlot: "active" }), select: runSelect });
  const last = await ctx.db.planRun.findFirst({ where: byStudio(ctx.studio.id, { activeSlot: null }), orderBy: { createdAt: "desc" }, select: runSelect });
  return { active, last };
}

/** Asks the worker to stop; a queued run is cancelled at once. The previous plan stays. */
export async function cancelRun(ctx: StudioContext, input: RunIdInput) {
  const { runId } = input;
  const run = await getRun(ctx, { runId });
  if (run.status === "QUEUED") {
    const updated = await ctx.db.planRun.updateMany({
      where: byStudio(ctx.studio.id, { id: runId, status: "QUEUED" as const }),
      data: { status: "CANCELLED", activeSlot: null, cancelRequested: true, message: "Cancelled before it started.", finishedAt: new Date() },
    });
    if (updated.count === 1) return { ...run, status: "CANCELLED" as const };
  }
  if (run.status !== "RUNNING" && run.status !== "QUEUED") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This planner run has already finished." });
  }
  await ctx.db.planRun.updateMany({ where: byStudio(ctx.studio.id, { id: runId }), data: { cancelRequested: true, message: "Cancelling…" } });
  return { ...run, cancelRequested: true };
}

/**
 * Queues a re-plan nobody clicked for (orders changed, new remake work after a scrap report), inside the
 * caller's transaction: a new run, or — when one is already queued or running, and may have read the studio
 * before this change — a follow-up run the worker queues when that one ends.
 */
export async function requestReplan(db: TenantDb, studioId: string, userId: string, reason: string): Promise<"queued" | "follow-up"> {
  // The active run can end between the insert and the flag (its worker commits on another connection): then the
  // flag lands on nothing and the insert is tried again. Losing a round needs a whole run to end inside it.
  let outcome: "queued" | "follow-up" | null = null;
  for (let round = 0; round < 3 && !outcome; round++) {
    const queued = await db.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "PlanRun" ("id", "studioId", "requestedById", "reason", "message")
      VALUES (${crypto.randomUUID()}, ${studioId}, ${userId}, ${reason}, ${`Re-planning: ${reason}`})
      ON CONFLICT ("studioId", "activeSlot") DO NOTHING
      RETURNING "id"`;
    if (queued.length) outcome = "queued";
    else if ((await db.planRun.updateMany({ where: byStudio(studioId, { activeSlot: "active" }), data: { followUp: true, reason } })).count) outcome = "follow-up";
  }
  await publishStudioEvent(db, { studioId, topic: "plan.requested", data: { reason } });
  return outcome ?? "follow-up";
}

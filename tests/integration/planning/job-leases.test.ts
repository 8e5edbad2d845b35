import { beforeAll, describe, expect, it } from "vitest";
import { requestReplan } from "~/features/planning/server/runs";
import { claimPlanRun } from "~/features/planning/server/plan-run-queue";
import { LeaseLost, MAX_ATTEMPTS } from "~/server/jobs/lease";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb, withTenant } from "~/server/db";
import { planningWorld } from "./fixtures";

// Several workers share one queue: a run is claimed by one worker at a time, a dead worker's run (lease expired)
// is taken over by another, and the old holder can write nothing after that.

/** Plays the dead worker: its lease is set to have ended a second ago (database clock). */
async function expireLease(runId: string) {
  await systemDb().$executeRaw`UPDATE "PlanRun" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = ${runId}`;
}

describe("planner job leases", () => {
  let world: Awaited<ReturnType<typeof planningWorld>>;
  // Other test files share the database: every claim here is of this file's studio.
  let mine: { studioId: string };
  beforeAll(async () => {
    world = await planningWorld();
    mine = { studioId: world.studio.id };
  });

  it("gives a queued run to exactly one of several workers claiming at once", async () => {
    const run = await world.caller.planning.requestPlan({ studioId: world.studio.id });
    const leases = await Promise.all(Array.from({ length: 6 }, () => claimPlanRun({ engineTimeLimitMs: 0, ...mine })));
    const held = leases.filter((lease) => lease !== null);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ jobId: run.id, attempt: 1 });
    const row = await systemDb().planRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ status: "RUNNING", attempts: 1, leaseOwner: held[0]!.token });
    expect(row.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The holder finishes it (so the next test starts clean).
    expect(await held[0]!.finish("CANCELLED", "done here")).toBe(true);
    held[0]!.release();
  });

  it("retries a run whose worker died (lease expired) on another worker; the old holder is fenced off", async () => {
    const { studio, caller, db } = world;
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    const dead = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
    dead.release(); // a dead process renews nothing
    await dead.progress(40, "Grouping");
    // While the lease holds, nobody else takes the run.
    expect(await runNextPlanJob({ timeLimitMs: 0, ...mine })).toBeNull();

    await expireLease(run.id);
    expect(await runNextPlanJob({ timeLimitMs: 0, ...mine })).toEqual({ runId: run.id, status: "SUCCEEDED" });
    const after = await db.planRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: "SUCCEEDED", attempts: 2, activeSlot: null, progress: 100 });
    expect(after.leaseOwner).not.toBe(dead.token);
    const plan = await db.plan.findUniqueOrThrow({ where: { studioId: studio.id } });
    expect(plan.runId).toBe(run.id);

    // The old holder wakes up: no progress, no final state, no plan write.
    await expect(dead.progress(90, "Saving")).rejects.toBeInstanceOf(LeaseLost);
    expect(await dead.finish("FAILED", "late")).toBe(false);
    await expect(withTenant(studio.id, (tx) => dead.assertHeld(tx))).rejects.toBeInstanceOf(LeaseLost);
    expect(await db.planRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "SUCCEEDED", message: after.message });
  });

  it("a worker that lost its lease mid-run gives the run up without writing", async () => {
    const { studio, caller, db } = world;
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    const slow = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
    slow.release();
    await expireLease(run.id);
    const other = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
    other.release();
    expect(other).toMatchObject({ jobId: run.id, attempt: 2 });
    await expect(slow.progress(90, "Saving")).rejects.toBeInstanceOf(LeaseLost);
    expect(await db.planRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ leaseOwner: other.token, status: "RUNNING" });
    await other.finish("CANCELLED", "test over");
  });

  it(`fails a run for good after ${MAX_ATTEMPTS} workers died on it, so the studio can plan again`, async () => {
    const { studio, caller, db } = world;
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const lease = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
      lease.release();
      expect(lease.attempt).toBe(attempt);
      await expireLease(run.id);
    }
    expect(await runNextPlanJob({ timeLimitMs: 0, ...mine })).toBeNull();
    const failed = await db.planRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed).toMatchObject({ status: "FAILED", activeSlot: null, attempts: MAX_ATTEMPTS });
    expect(failed.message).toMatch(/stopped unexpectedly/);
    expect((await caller.planning.requestPlan({ studioId: studio.id })).status).toBe("QUEUED");
    expect((await runNextPlanJob({ timeLimitMs: 0, ...mine }))?.status).toBe("SUCCEEDED");
  });

  describe("follow-up re-plans (a scrap report or an order change while a run is active)", () => {
    const replan = (reason: string) => withTenant(world.studio.id, (db) => requestReplan(db, world.studio.id, world.owner.id, reason));
    const runsOf = () => world.db.planRun.findMany({ where: { studioId: world.studio.id, activeSlot: "active" } });

    it("queues exactly one follow-up when the run ends, not before", async () => {
      const run = await world.caller.planning.requestPlan(mine);
      const lease = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
      expect(await replan("2 pieces to remake")).toBe("follow-up");
      expect(await replan("orders changed")).toBe("follow-up");
      expect((await runsOf()).map((r) => r.id)).toEqual([run.id]);
      expect(await lease.finish("CANCELLED", "test over")).toBe(true);
      lease.release();
      const [next] = await runsOf();
      expect(next).toMatchObject({ status: "QUEUED", reason: "orders changed", followUp: false, message: "Re-planning: orders changed" });
      expect(await runNextPlanJob({ timeLimitMs: 0, ...mine })).toEqual({ runId: next!.id, status: "SUCCEEDED" });
      expect(await runsOf()).toEqual([]);
    });

    it("is queued once by the worker that took the run over; the dead holder queues nothing", async () => {
      const run = await world.caller.planning.requestPlan(mine);
      const dead = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
      dead.release();
      expect(await replan("1 piece to remake")).toBe("follow-up");
      await expireLease(run.id);
      expect(await runNextPlanJob({ timeLimitMs: 0, ...mine })).toEqual({ runId: run.id, status: "SUCCEEDED" });
      expect(await dead.finish("FAILED", "late")).toBe(false);
      const follow = await runsOf();
      expect(follow).toHaveLength(1);
      expect(follow[0]).toMatchObject({ status: "QUEUED", reason: "1 piece to remake" });
      expect((await runNextPlanJob({ timeLimitMs: 0, ...mine }))?.status).toBe("SUCCEEDED");
    });

    it("is queued when a run is failed for good after its workers died", async () => {
      const run = await world.caller.planning.requestPlan(mine);
      expect(await replan("orders changed")).toBe("follow-up");
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!.release();
        await expireLease(run.id);
      }
      const next = (await claimPlanRun({ engineTimeLimitMs: 0, ...mine }))!;
      next.release();
      expect(next.jobId).not.toBe(run.id);
      expect(await world.db.planRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", activeSlot: null });
      expect(await world.db.planRun.findUniqueOrThrow({ where: { id: next.jobId } })).toMatchObject({ status: "RUNNING", reason: "orders changed" });
      await next.finish("CANCELLED", "test over");
    });

    it("never loses a re-plan asked for while runs end", async () => {
      await world.caller.planning.requestPlan(mine);
      // Re-plans race the worker ending runs (and queueing follow-ups) on other connections.
      let lastAskedAt = 0;
      const asks = Array.from({ length: 12 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 15)).then(() => {
          lastAskedAt = Date.now();
          return replan(`change ${i}`);
        }),
      );
      const worker = (async () => {
        for (let i = 0; i < 4; i++) await runNextPlanJob({ timeLimitMs: 0, ...mine });
      })();
      await Promise.all([...asks, worker]);
      while (await runNextPlanJob({ timeLimitMs: 0, ...mine }));
      // Whatever the interleaving, a run started after the last change was asked for.
      const last = await world.db.planRun.findFirstOrThrow({ where: { studioId: world.studio.id, startedAt: { not: null } }, orderBy: { startedAt: "desc" } });
      expect(last.status).toBe("SUCCEEDED");
      expect(last.startedAt!.getTime()).toBeGreaterThanOrEqual(lastAskedAt);
      expect(await runsOf()).toEqual([]);
    });
  });
});

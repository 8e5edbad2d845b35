import { beforeAll, describe, expect, it } from "vitest";
import { claimRun, LeaseLost, MAX_ATTEMPTS } from "~/server/jobs/lease";
import { runNextPlanJob } from "~/server/jobs/plan-worker";
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
  beforeAll(async () => {
    world = await planningWorld();
    // Runs left by other test files would be claimed first; this file wants its own.
    expect(await runNextPlanJob({ timeLimitMs: 0 })).toBeNull();
  });

  it("gives a queued run to exactly one of several workers claiming at once", async () => {
    const run = await world.caller.planning.requestPlan({ studioId: world.studio.id });
    const leases = await Promise.all(Array.from({ length: 6 }, () => claimRun({ engineTimeLimitMs: 0 })));
    const held = leases.filter((lease) => lease !== null);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ runId: run.id, attempt: 1 });
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
    const dead = (await claimRun({ engineTimeLimitMs: 0 }))!;
    dead.release(); // a dead process renews nothing
    await dead.progress(40, "Grouping");
    // While the lease holds, nobody else takes the run.
    expect(await runNextPlanJob({ timeLimitMs: 0 })).toBeNull();

    await expireLease(run.id);
    expect(await runNextPlanJob({ timeLimitMs: 0 })).toEqual({ runId: run.id, status: "SUCCEEDED" });
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
    const slow = (await claimRun({ engineTimeLimitMs: 0 }))!;
    slow.release();
    await expireLease(run.id);
    const other = (await claimRun({ engineTimeLimitMs: 0 }))!;
    other.release();
    expect(other).toMatchObject({ runId: run.id, attempt: 2 });
    await expect(slow.progress(90, "Saving")).rejects.toBeInstanceOf(LeaseLost);
    expect(await db.planRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ leaseOwner: other.token, status: "RUNNING" });
    await other.finish("CANCELLED", "test over");
  });

  it(`fails a run for good after ${MAX_ATTEMPTS} workers died on it, so the studio can plan again`, async () => {
    const { studio, caller, db } = world;
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const lease = (await claimRun({ engineTimeLimitMs: 0 }))!;
      lease.release();
      expect(lease.attempt).toBe(attempt);
      await expireLease(run.id);
    }
    expect(await runNextPlanJob({ timeLimitMs: 0 })).toBeNull();
    const failed = await db.planRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed).toMatchObject({ status: "FAILED", activeSlot: null, attempts: MAX_ATTEMPTS });
    expect(failed.message).toMatch(/stopped unexpectedly/);
    expect((await caller.planning.requestPlan({ studioId: studio.id })).status).toBe("QUEUED");
    expect((await runNextPlanJob({ timeLimitMs: 0 }))?.status).toBe("SUCCEEDED");
  });
});

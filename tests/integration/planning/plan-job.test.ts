import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio, shareAccepted } from "../../helpers/factories";
import { ordersWorld } from "../orders/fixtures";
import { dueIn, NOW, piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

describe("planner job", () => {
  let world: Awaited<ReturnType<typeof planningWorld>>;
  beforeAll(async () => {
    world = await planningWorld();
  });

  it("plans open demand into stored batches traceable to every order line", async () => {
    const { studio, caller, db } = world;
    const { outcome, after } = await planNow(caller, studio.id);
    expect(outcome?.status).toBe("SUCCEEDED");
    expect(after).toMatchObject({ status: "SUCCEEDED", progress: 100 });

    const lines = await db.orderLine.findMany({ where: { studioId: studio.id } });
    const sums = await piecesByLineAndStep(studio.id);
    const expected: Record<string, number> = {};
    for (const line of lines) for (const step of [0, 1]) expected[`${line.id}#${step}`] = line.quantity;
    expect(sums).toEqual(expected);

    const board = await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() });
    expect(board.batches.length).toBeGreaterThan(0);
    // Both orders' solder steps share the hard-solder family at one station: one setup, not two.
    expect(board.batches.filter((b) => b.stepName === "Solder join")).toHaveLength(1);
    const figures = board.plan!.figures!;
    expect(figures.planned.setups).toBeLessThan(figures.naive!.setups);
    expect(figures.savings!.setupHours).toBeGreaterThan(0);
    for (const b of board.batches) {
      expect(b.endAt.getTime()).toBeGreaterThan(b.startAt.getTime());
      expect(board.people.map((p) => p.id)).toContain(b.personId);
    }
    expect(await runNextPlanJob({ studioId: studio.id })).toBeNull();
  });

  it("allows one active run per studio: a second request is a CONFLICT; cancelling frees the slot", async () => {
    const { studio, caller } = world;
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    expect(await errorCode(caller.planning.requestPlan({ studioId: studio.id }))).toBe("CONFLICT");
    const cancelled = await caller.planning.cancelRun({ studioId: studio.id, runId: run.id });
    expect(cancelled.status).toBe("CANCELLED");
    expect(await runNextPlanJob({ studioId: studio.id })).toBeNull();
    expect((await caller.planning.latestRuns({ studioId: studio.id })).active).toBeNull();
  });

  it("stops a running job that is asked to cancel and leaves the previous plan", async () => {
    const { studio, caller, db } = world;
    const before = await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } });
    const run = await caller.planning.requestPlan({ studioId: studio.id });
    // The cancel arrives while the worker holds the run (between two phases).
    await db.planRun.update({ where: { id: run.id }, data: { cancelRequested: true } });
    expect(await runNextPlanJob({ timeLimitMs: 0, studioId: studio.id, now: NOW })).toEqual({ runId: run.id, status: "CANCELLED" });
    expect(await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("keeps a locked batch on re-plan and still plans every piece exactly once", async () => {
    const { studio, caller, db } = world;
    const board = await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() });
    const target = board.batches.find((b) => b.stepName === "Tumble")!;
    await caller.planning.setBatchLocked({ studioId: studio.id, batchId: target.id, expectedVersion: target.version, locked: true });
    const { outcome } = await planNow(caller, studio.id);
    expect(outcome?.status).toBe("SUCCEEDED");
    const kept = await db.batch.findUniqueOrThrow({ where: { id: target.id }, include: { items: true } });
    expect(kept.startAt).toEqual(target.startAt);
    expect(kept.locked).toBe(true);
    const lines = await db.orderLine.findMany({ where: { studioId: studio.id } });
    const sums = await piecesByLineAndStep(studio.id);
    for (const line of lines) expect([sums[`${line.id}#0`], sums[`${line.id}#1`]]).toEqual([line.quantity, line.quantity]);
  });

  it("plans a shared design on this studio's stations of the same kind, and names unmapped steps", async () => {
    const world2 = await ordersWorld();
    const { b, caller, sharedVariants } = world2;
    await caller.order.create({
      studioId: b.studio.id,
      order: { kind: "CUSTOMER", customerName: "S", notes: "", lines: [{ variantId: sharedVariants[0]!.variantId, quantity: 2, dueDate: dueIn(5) }] },
    });
    const { after } = await planNow(caller, b.studio.id);
    expect(after.status).toBe("SUCCEEDED");
    const ownStations = new Set(world2.own ? [world2.own.station.id, world2.own.tumbler.id] : []);
    const batches = await world2.db.batch.findMany({ where: { studioId: b.studio.id } });
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) expect(ownStations.has(batch.stationId)).toBe(true);

    // A studio without stations cannot plan the shared design: the run fails and says which steps.
    const c = await makeStudio();
    await shareAccepted({ studioId: world2.a.studio.id, owner: world2.a.owner }, world2.foreign.catalog.id, { studioId: c.studio.id, slug: c.studio.slug, owner: c.owner });
    const cCaller = callerFor(c.owner);
    const [variant] = (await cCaller.order.orderableVariants({ studioId: c.studio.id })).filter((v) => !v.own);
    await cCaller.order.create({
      studioId: c.studio.id,
      order: { kind: "CUSTOMER", customerName: "C", notes: "", lines: [{ variantId: variant!.variantId, quantity: 1, dueDate: dueIn(5) }] },
    });
    const failed = await planNow(cCaller, c.studio.id);
    expect(failed.after.status).toBe("FAILED");
    expect(failed.after.message).toMatch(/no matching station.*"Solder join".*"Tumble"/);
  });

  describe("a run that fails", () => {
    afterEach(() => vi.restoreAllMocks());

    it("shows the engine's message when the studio's data cannot be planned (SchedulingError), and logs nothing", async () => {
      const { studio, caller, catalog } = await planningWorld();
      // Only the assistant may work the tumbler, and the assistant has no working hours: the engine finds no
      // time for the tumbling batches (the app's own checks pass: every station has someone, someone has hours).
      const assistant = await addMember(studio.id, "ASSISTANT");
      const members = await caller.team.list({ studioId: studio.id });
      const ownerRow = members.find((m) => m.user.id !== assistant.id)!;
      const assistantRow = members.find((m) => m.user.id === assistant.id)!;
      const availability = (row: typeof ownerRow, workingHours: [] | null, stationIds: string[] | null) =>
        caller.team.updateAvailability({ studioId: studio.id, membershipId: row.id, expectedVersion: row.version, workingHours, skills: { limited: stationIds !== null, stationIds: stationIds ?? [] } });
      await availability(ownerRow, null, [catalog.station.id]);
      await availability(assistantRow, [], null);
      const errors = vi.spyOn(logger, "error");
      const { outcome, after } = await planNow(caller, studio.id);
      expect(outcome?.status).toBe("FAILED");
      expect(after.status).toBe("FAILED");
      expect(after.message).toMatch(new RegExp(`^no working time left at "${catalog.tumbler.name}" \\(needed from minute \\d+ of the plan\\): give the people who work there more hours, or let someone else work there$`));
      expect(errors).not.toHaveBeenCalled();
      expect(await systemDb().plan.findUnique({ where: { studioId: studio.id } })).toBeNull();
    });

    it("shows a generic message for an unexpected error, and logs the real one", async () => {
      const { studio, caller } = await planningWorld();
      // The database refuses this studio's batches, the way a full disk or a broken constraint would.
      const trigger = `fail_batches_${studio.id.replace(/\W/g, "")}`;
      await systemDb().$executeRawUnsafe(
        `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."studioId" = '${studio.id}' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`,
      );
      await systemDb().$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "Batch" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
      try {
        const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
        const { outcome, after } = await planNow(caller, studio.id);
        expect(outcome?.status).toBe("FAILED");
        expect(after).toMatchObject({ status: "FAILED", message: "The planner failed unexpectedly. Please try again." });
        expect(errors).toHaveBeenCalledTimes(1);
        expect(errors).toHaveBeenCalledWith("planning.failed", expect.objectContaining({ runId: after.id, message: expect.stringContaining("disk on fire") }));
        expect(await systemDb().plan.findUnique({ where: { studioId: studio.id } })).toBeNull();
      } finally {
        await systemDb().$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "Batch"`);
        await systemDb().$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
      }
    });
  });
});

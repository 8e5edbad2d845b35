import { describe, expect, it } from "vitest";
import { horizonStartFrom } from "~/features/planning/calendar";
import { loadProblem } from "~/features/planning/server/problem";
import { savePlan } from "~/features/planning/server/save";
import { withTenant } from "~/server/db";
import { bulkInsert } from "~/server/db/bulk-insert";
import { solveStudio } from "~/server/scheduling";
import { makeStudio } from "../../helpers/factories";
import { NOW, piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

// The plan is written with bulk inserts (one statement per table): same rows, same conflict rules, same
// row-level security as row-by-row writes.
describe("saving a plan", () => {
  it("refuses a plan whose kept batches changed while the engine ran, and writes nothing", async () => {
    const { studio, caller, db } = await planningWorld();
    const { run } = await planNow(caller, studio.id);
    const horizonStart = horizonStartFrom(NOW);
    const loaded = await withTenant(studio.id, (tx) => loadProblem(tx, studio.id, horizonStart, { timeLimitMs: 50 }));
    const plan = solveStudio(loaded.problem);

    // Meanwhile someone pins a batch: the plan was made without it.
    const board = await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() });
    const target = board.batches.find((b) => b.stepName === "Tumble")!;
    await caller.planning.setBatchLocked({ studioId: studio.id, batchId: target.id, expectedVersion: target.version, locked: true });
    const before = await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } });

    const save = withTenant(studio.id, (tx) => savePlan(tx, studio.id, run.id, plan, loaded));
    await expect(save).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("pinned or moved") });
    expect(await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } })).toEqual(before);

    // Loaded again with the pin, the same save goes through and plans every piece once.
    const fresh = await withTenant(studio.id, (tx) => loadProblem(tx, studio.id, horizonStart, { timeLimitMs: 50 }));
    await withTenant(studio.id, (tx) => savePlan(tx, studio.id, run.id, solveStudio(fresh.problem), fresh));
    const lines = await db.orderLine.findMany({ where: { studioId: studio.id } });
    const sums = await piecesByLineAndStep(studio.id);
    for (const line of lines) expect([sums[`${line.id}#0`], sums[`${line.id}#1`]]).toEqual([line.quantity, line.quantity]);
    expect((await db.batch.findUniqueOrThrow({ where: { id: target.id } })).locked).toBe(true);
  });

  it("runs bulk inserts under row-level security: rows of another studio are refused", async () => {
    const [studio, other] = [(await makeStudio()).studio, await makeStudio()];
    const insert = withTenant(other.studio.id, (tx) =>
      bulkInsert(tx, "Plan", [
        { name: "id", type: "text", value: (r: { id: string }) => r.id },
        { name: "studioId", type: "text", constant: studio.id },
        { name: "horizonStart", type: "timestamp", constant: NOW },
        { name: "figures", type: "jsonb", constant: "{}" },
        { name: "updatedAt", type: "timestamp", constant: NOW },
      ], [{ id: crypto.randomUUID() }]),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });
});

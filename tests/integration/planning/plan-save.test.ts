import { describe, expect, it } from "vitest";
import { horizonStartFrom } from "~/features/planning/calendar";
import { loadProblem } from "~/features/planning/server/problem";
import { savePlan } from "~/features/planning/server/save";
import { systemDb, withTenant } from "~/server/db";
import { bulkInsert } from "~/server/db/bulk-insert";
import { solveStudio } from "~/server/scheduling";
import { makeStudio } from "../../helpers/factories";
import { NOW, piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

type Tx = Parameters<Parameters<typeof withTenant>[1]>[0];

/**
 * Runs `work` in a transaction of `studioId` (the owner connection if null) and keeps it open, its locks held,
 * until `commit` is called. `pid` is its database backend, once `work` is done.
 */
async function heldOpen(studioId: string | null, work: (tx: Tx) => Promise<unknown>) {
  let commit!: () => void;
  const mayCommit = new Promise<void>((resolve) => (commit = resolve));
  let reportPid!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => (reportPid = resolve));
  const body = async (tx: Tx) => {
    await work(tx);
    const [backend] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
    reportPid(backend!.pid);
    await mayCommit;
  };
  const done = studioId ? withTenant(studioId, body) : systemDb().$transaction(body);
  return { pid: await pid, commit: () => (commit(), done) };
}

/** Waits until a statement like `queryLike` waits on a lock held by backend `pid` (a real signal, not a sleep). */
async function blockedBy(pid: number, queryLike: string, what: string) {
  for (let tries = 0; tries <= 200; tries++) {
    const [row] = await systemDb().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid)) AND query LIKE ${queryLike}`;
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} never waited`);
}

/** A planned studio, an unpinned batch of `stepName` in its plan, and the next plan made (not saved yet). */
async function replanReady(stepName: string) {
  const world = await planningWorld();
  const { studio, caller } = world;
  const { run } = await planNow(caller, studio.id);
  const board = await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() });
  const target = board.batches.find((b) => b.stepName === stepName && !b.locked)!;
  const loaded = await withTenant(studio.id, (tx) => loadProblem(tx, studio.id, horizonStartFrom(NOW), { timeLimitMs: 50 }));
  return { ...world, run, target, loaded, plan: solveStudio(loaded.problem) };
}

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

  it("serialises a board edit with a save in flight: the edit waits for it, then finds its batch replaced; the plan is whole", async () => {
    const { studio, caller, db, run, target, loaded, plan } = await replanReady("Tumble");

    // The save has written everything and holds its transaction open.
    const save = await heldOpen(studio.id, (tx) => savePlan(tx, studio.id, run.id, plan, loaded));

    // Meanwhile the owner pins a batch of the old plan: the pin waits on the plan row the save locked.
    const pin = caller.planning.setBatchLocked({ studioId: studio.id, batchId: target.id, expectedVersion: target.version, locked: true }).then(
      () => "pinned",
      (error: { code?: string }) => error.code,
    );
    await blockedBy(save.pid, '%"Plan"%FOR UPDATE%', "the pin's plan-row lock");
    await save.commit();

    // Exactly one wins: the new plan is saved whole, and the pin of a batch it replaced is refused.
    expect(await pin).toBe("NOT_FOUND");
    expect(await db.batch.count({ where: { id: target.id } })).toBe(0);
    expect(await db.batch.count({ where: { studioId: studio.id, locked: true } })).toBe(0);
    expect((await db.plan.findUniqueOrThrow({ where: { studioId: studio.id } })).runId).toBe(run.id);
    const lines = await db.orderLine.findMany({ where: { studioId: studio.id } });
    const sums = await piecesByLineAndStep(studio.id);
    for (const line of lines) expect([sums[`${line.id}#0`], sums[`${line.id}#1`]]).toEqual([line.quantity, line.quantity]);
  });

  it("rolls a save back when work starts on a batch it is replacing (bench claims do not wait for the plan row)", async () => {
    const { studio, db, run, target, loaded, plan } = await replanReady("Solder join");
    const before = await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } });

    // A bench claim in flight: it has started the batch but not committed yet (what claim.ts does to the row).
    const claim = await heldOpen(null, (tx) => tx.$executeRaw`UPDATE "Batch" SET status = 'STARTED', version = version + 1 WHERE id = ${target.id}`);
    // The save checks the kept batches (the claim is not committed: nothing to see), then waits on the row to delete it.
    const save = withTenant(studio.id, (tx) => savePlan(tx, studio.id, run.id, plan, loaded)).then(
      () => "saved",
      (error: { code?: string }) => error.code,
    );
    await blockedBy(claim.pid, "%DELETE FROM%Batch%", "the save's delete of the claimed batch");
    await claim.commit();

    // The claim wins; the save writes nothing, so no piece is planned twice.
    expect(await save).toBe("CONFLICT");
    const after = await db.batch.findMany({ where: { studioId: studio.id }, orderBy: { id: "asc" } });
    expect(after.map((b) => ({ ...b, updatedAt: null }))).toEqual(
      before.map((b) => (b.id === target.id ? { ...b, status: "STARTED", version: b.version + 1, updatedAt: null } : { ...b, updatedAt: null })),
    );
    const lines = await db.orderLine.findMany({ where: { studioId: studio.id } });
    const sums = await piecesByLineAndStep(studio.id);
    for (const line of lines) expect([sums[`${line.id}#0`], sums[`${line.id}#1`]]).toEqual([line.quantity, line.quantity]);
  });

  it("answers CONFLICT, not a 500, to a bench claim on a batch a save in flight has deleted", async () => {
    const { studio, caller, db, run, target, loaded, plan } = await replanReady("Solder join");

    // The save has replaced the old plan's batches and holds its transaction open.
    const save = await heldOpen(studio.id, (tx) => savePlan(tx, studio.id, run.id, plan, loaded));
    // A claim of an old batch still sees it, and its work row's foreign key waits for the deleting save.
    const claim = caller.bench.claim({ studioId: studio.id, batchId: target.id }).then(
      () => "claimed",
      (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
    );
    await blockedBy(save.pid, '%INSERT INTO "BatchWork"%', "the claim's work row");
    await save.commit();

    expect(await claim).toMatch(/^CONFLICT: .*changed while you were working/);
    expect(await db.batchWork.count({ where: { batchId: target.id } })).toBe(0);
    expect((await db.plan.findUniqueOrThrow({ where: { studioId: studio.id } })).runId).toBe(run.id);
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

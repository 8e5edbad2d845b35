import type { BenchEventKind, BenchStatus } from "~/generated/prisma/client";
import { systemDb } from "~/server/db";
import { benchWorld } from "../bench/fixtures";

// Bench history written directly (work, progress and events as the bench would leave them), so every figure
// can be computed by hand in the tests.

type World = Awaited<ReturnType<typeof benchWorld>>;

/** A batch's work row and its items' progress (keyed by order line), with totals summed from the progress. */
export async function workOn(
  w: World,
  batchId: string,
  work: { status: BenchStatus; accumulatedSeconds?: number; completedAt?: Date; progress: Array<{ lineId: string; done: number; scrapped: number }> },
) {
  const db = systemDb();
  const ordered = await db.batchItem.findMany({ where: { studioId: w.studio.id, batchId } });
  const progressOf = (lineId: string) => work.progress.find((p) => p.lineId === lineId) ?? { done: 0, scrapped: 0 };
  const done = work.progress.reduce((sum, p) => sum + p.done, 0);
  const scrapped = work.progress.reduce((sum, p) => sum + p.scrapped, 0);
  await db.batchWork.create({
    data: {
      studioId: w.studio.id, batchId, pieces: ordered.reduce((sum, item) => sum + item.pieces, 0), status: work.status,
      claimedById: w.assistant.id, claimedAt: new Date(), accumulatedSeconds: work.accumulatedSeconds ?? 0,
      piecesDone: done, piecesScrapped: scrapped, completedAt: work.completedAt ?? null,
    },
  });
  await db.batchItemProgress.createMany({
    data: ordered.map((item) => ({
      studioId: w.studio.id, batchId, batchItemId: item.id, orderLineId: item.orderLineId, stepPosition: item.stepPosition,
      pieces: item.pieces, piecesDone: progressOf(item.orderLineId).done, piecesScrapped: progressOf(item.orderLineId).scrapped,
    })),
  });
  if (work.status === "DONE") await db.batch.update({ where: { id: batchId }, data: { status: "DONE" } });
}

export async function event(w: World, batchId: string, at: string, piecesDone: number, piecesScrapped = 0, kind: BenchEventKind = "REPORT") {
  await systemDb().benchEvent.create({
    data: { studioId: w.studio.id, batchId, userId: w.assistant.id, kind, piecesDone, piecesScrapped, scrapReason: piecesScrapped ? "Porosity" : null, createdAt: new Date(at) },
  });
}
